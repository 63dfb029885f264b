fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("read");
        match zhibiao::analyze(&bytes, &path) {
            Ok(r) => println!("{}", serde_json::to_string(&r).unwrap()),
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
}
