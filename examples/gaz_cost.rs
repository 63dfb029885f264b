fn main() {
    let t = std::time::Instant::now();
    let n = zhibiao::attach::gazetteer::lookup("长安区").len();
    let a = t.elapsed();
    let t = std::time::Instant::now();
    let m = zhibiao::attach::gazetteer::find("石家庄市长安区").len();
    let b = t.elapsed();
    let t = std::time::Instant::now();
    let r = zhibiao::attach::region::places("石家庄市长安区", &[]).len();
    let c = t.elapsed();
    println!("load {a:?} find {b:?} places {c:?} {n} {m} {r}");
}
