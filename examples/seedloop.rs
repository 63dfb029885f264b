fn main() {
    let files: Vec<(String, Vec<u8>)> = std::fs::read_dir("/work/shared/seeds").unwrap()
        .map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap())).collect();
    let n: usize = std::env::args().nth(1).map(|s| s.parse().unwrap()).unwrap_or(300);
    let kw = std::env::var_os("NOKW").is_none();
    let opts = zhibiao::Options { keywords: kw, ..Default::default() };
    zhibiao::analyze_with(&files[0].1, "w", &opts).unwrap();
    let t = std::time::Instant::now();
    let mut bytes = 0;
    for _ in 0..n { for (name, b) in &files { bytes += b.len(); std::hint::black_box(zhibiao::analyze_with(b, name, &opts).unwrap()); } }
    let s = t.elapsed().as_secs_f64();
    println!("{:.2} MiB/s ({} docs, {:.3} ms/doc)", bytes as f64 / s / 1048576.0, n * files.len(), s * 1e3 / (n * files.len()) as f64);
}
