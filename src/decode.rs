//! Stage 1 — bytes → text.
//!
//! Order of decisions:
//! 1. nothing but white space → [`Error::Empty`];
//! 2. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides;
//! 3. a known binary signature or a high share of control bytes → [`Error::Binary`];
//! 4. UTF-16 without a BOM, told by where the NUL bytes sit (ASCII-heavy text) or by
//!    code units that are mostly CJK (Chinese-heavy text);
//! 5. valid UTF-8 is UTF-8;
//! 6. otherwise an HTML `<meta charset>` hint and the `chardetng` guess are both tried; a
//!    candidate that decodes without errors beats one that does not, and between two
//!    clean ones the detector's score decides. GBK/GB2312 are decoded as GB18030 (their
//!    superset); Big5 is encoding_rs's Big5, which includes HKSCS.
//!
//! The result has NUL and other control characters removed (tab and line feed kept,
//! CR LF and lone CR become LF). A lossy decode is a warning, never a panic.


use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

use crate::Error;

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// encoding_rs name of the encoding used, e.g. `UTF-8`, `GBK`, `Big5`, `UTF-16LE`.
    pub encoding: &'static str,
    /// Whether malformed sequences were replaced with U+FFFD.
    pub lossy: bool,
    pub warnings: Vec<String>,
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    // 2. byte-order marks (before the binary check: UTF-16 is full of NULs).
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((UTF_8, 3))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((UTF_16LE, 2))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((UTF_16BE, 2))
    } else {
        None
    };
    if let Some((enc, skip)) = bom {
        return finish(enc, &bytes[skip..], Vec::new());
    }
    // 3a. known binary signatures.
    if let Some(kind) = signature_kind(bytes) {
        return Err(Error::Binary { kind });
    }
    // 4a. UTF-16 told by NUL bytes (checked before the control-byte test, which NULs
    // would trip).
    if let Some(enc) = utf16_by_nuls(bytes) {
        return finish(enc, bytes, vec![format!("no byte-order mark; read as {}", enc.name())]);
    }
    // 3b. a high share of control bytes.
    if let Some(kind) = control_share_kind(bytes) {
        return Err(Error::Binary { kind });
    }
    // 5. UTF-8.
    if std::str::from_utf8(bytes).is_ok() {
        return finish(UTF_8, bytes, Vec::new());
    }
    // 4b. UTF-16 of mostly CJK text has no NULs; its code units tell.
    if let Some(enc) = utf16_by_code_units(bytes) {
        return finish(enc, bytes, vec![format!("no byte-order mark; read as {}", enc.name())]);
    }
    // 6. legacy: hint and detector.
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = prefer_superset(det.guess(None, Utf8Detection::Allow));
    let hint = meta_charset(bytes).map(prefer_superset);
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    if let Some(h) = hint {
        candidates.push(h);
    }
    if !candidates.contains(&guess) {
        candidates.push(guess);
    }
    // UTF-8 too: a UTF-8 file with one broken byte (a truncated download, a cut at a
    // size limit) is still UTF-8, not windows-1252 mojibake
    for e in [UTF_8, GB18030, BIG5] {
        if !candidates.contains(&e) {
            candidates.push(e);
        }
    }
    // Score each reading on a sample: frequent Chinese characters count for it,
    // replacement characters against it; then a clean decode, the declared charset and
    // the detector's guess break ties. (Big5 bytes also "decode" as GB18030, into
    // mojibake with few frequent characters; any bytes "decode" as windows-1252.)
    let sample = &bytes[..bytes.len().min(65536)];
    let chosen = candidates
        .iter()
        .copied()
        .max_by_key(|&e| {
            let (text, _) = e.decode_without_bom_handling(sample);
            let plaus = text.chars().filter(|c| FREQUENT.contains(*c)).count() as i64;
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count() as i64;
            let clean = e.decode_without_bom_handling_and_without_replacement(bytes).is_some();
            (plaus * 10 - bad * 30, clean, Some(e) == hint, e == guess)
        })
        .unwrap_or(guess);
    let mut warnings = Vec::new();
    if let Some(h) = hint {
        if h != chosen {
            warnings.push(format!(
                "the page declares {} but its bytes are {}; read as {}",
                display_name(h),
                display_name(chosen),
                display_name(chosen)
            ));
        }
    }
    finish(chosen, bytes, warnings)
}

fn display_name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// GBK and GB2312 (which encoding_rs labels GBK) are read as GB18030, their superset.
fn prefer_superset(enc: &'static Encoding) -> &'static Encoding {
    if enc == GBK {
        GB18030
    } else if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        // A <meta charset=utf-16> in an 8-bit document means UTF-8 (WHATWG rule).
        UTF_8
    } else {
        enc
    }
}

/// The most frequent characters of Chinese text, Simplified and Traditional.
const FREQUENT: &str = "的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴们這來個為說時會國對發們過還從與後當開學經種現進動麼實應點長間問電東業無見頭將樣";

fn finish(enc: &'static Encoding, bytes: &[u8], mut warnings: Vec<String>) -> Result<Decoded, Error> {
    let (raw, lossy) = enc.decode_without_bom_handling(bytes);
    if lossy {
        let n = raw.chars().filter(|&c| c == '\u{FFFD}').count();
        warnings.push(format!(
            "decoding as {} replaced {n} malformed byte sequence(s) with U+FFFD",
            enc.name()
        ));
    }
    let text = strip_controls(&raw);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let encoding = display_name(enc);
    Ok(Decoded { text, encoding, lossy, warnings })
}

/// CR LF and lone CR → LF; NUL, other C0 and C1 controls, a leading BOM and stray BOMs
/// removed; tab and line feed kept. Invisible format characters go too: zero-width
/// spaces and joiners would split a figure (`1​234`), and bidi controls can make the page
/// show text in another order than it is read.
fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\u{0C}' | '\u{0B}' => out.push('\n'),
            c if c.is_control() => {}
            '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Known file signatures.
fn signature_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or an Office/EPUB file)"),
        (b"PK\x05\x06", "ZIP archive"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"\x7FELF", "ELF executable"),
        (b"\x1F\x8B", "gzip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xFD7zXZ\x00", "xz archive"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "OLE document (old Word/Excel)"),
        (b"\x00asm", "WebAssembly module"),
        (b"\xCA\xFE\xBA\xBE", "Java class or Mach-O binary"),
        (b"\xCF\xFA\xED\xFE", "Mach-O binary"),
        (b"SQLite format 3\x00", "SQLite database"),
        (b"ID3", "MP3 audio"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"\x28\xB5\x2F\xFD", "zstd archive"),
        (b"BM", "BMP image"),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
    ];
    for (sig, kind) in SIGS {
        if bytes.starts_with(sig) {
            // "BM" and "ID3" also start ordinary words: require a control byte nearby.
            if (*sig == b"BM" || *sig == b"ID3") && !has_control(&bytes[..bytes.len().min(64)]) {
                continue;
            }
            return Some(kind);
        }
    }
    if bytes.starts_with(b"MZ") && has_control(&bytes[..bytes.len().min(64)]) {
        return Some("Windows executable");
    }
    if bytes.starts_with(b"RIFF") && bytes.len() >= 12 {
        return Some(match &bytes[8..12] {
            b"WAVE" => "WAV audio",
            b"WEBP" => "WebP image",
            b"AVI " => "AVI video",
            _ => "RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/QuickTime media");
    }
    None
}

/// Not a known format but not text either: many control bytes.
fn control_share_kind(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample.iter().filter(|&&b| is_control_byte(b)).count();
    if controls >= 8 && controls * 100 > sample.len() * 10 || sample.len() >= 256 && sample.contains(&0) && controls * 100 > sample.len() {
        return Some("binary data");
    }
    None
}

fn is_control_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)
}

fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| is_control_byte(b))
}

/// UTF-16 without BOM, ASCII-heavy: NUL bytes fall (almost) all on one parity.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(8192) & !1];
    if sample.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1
            } else {
                odd += 1
            }
        }
    }
    let pairs = sample.len() / 2;
    // (CJK code points like U+4E00 一 put a few NULs on the other parity too.)
    let enc = if odd >= 4 && odd * 100 >= pairs * 3 && even * 5 <= odd {
        UTF_16LE
    } else if even >= 4 && even * 100 >= pairs * 3 && odd * 5 <= even {
        UTF_16BE
    } else {
        return None;
    };
    // Must decode (nearly) cleanly into text.
    let (text, _) = enc.decode_without_bom_handling(sample);
    let total = text.chars().count().max(1);
    let texty = text
        .chars()
        .filter(|&c| {
            matches!(c, '\n' | '\r' | '\t' | ' '..='~' | '\u{A0}'..='\u{24F}' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
        })
        .count();
    (texty * 100 >= total * 90).then_some(enc)
}

/// UTF-16 without BOM and without NULs (mostly CJK): most code units are CJK ideographs,
/// CJK punctuation or full-width forms, in exactly one byte order.
fn utf16_by_code_units(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 8 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(8192) & !1];
    let share = |le: bool| {
        let mut good = 0usize;
        for pair in sample.chunks_exact(2) {
            let u = if le {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            };
            if matches!(u, 0x4E00..=0x9FFF | 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x000A | 0x000D | 0x0020..=0x007E) {
                good += 1;
            }
        }
        good * 100 / (sample.len() / 2)
    };
    let (le, be) = (share(true), share(false));
    let enc = if le >= 90 && be < 60 {
        UTF_16LE
    } else if be >= 90 && le < 60 {
        UTF_16BE
    } else {
        return None;
    };
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|_| enc)
}

/// The label of the first `<meta … charset=…>` in `head` (ASCII case ignored), read by
/// hand instead of a regex (issue 12: no regex compiled before the first report); the old
/// pattern `(?i-u)<meta\b[^>]*?charset\s*=\s*["']?([a-z0-9_:.\-]+)` is the tests' oracle.
fn charset_label(head: &[u8]) -> Option<&[u8]> {
    let ci = |s: &[u8], w: &[u8]| s.len() >= w.len() && s[..w.len()].eq_ignore_ascii_case(w);
    // ASCII white space, as `\s` is without Unicode
    let ws = |s: &[u8]| s.iter().take_while(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')).count();
    let label_at = |s: &[u8]| -> Option<(usize, usize)> {
        if !ci(s, b"charset") {
            return None;
        }
        let mut k = 7;
        k += ws(&s[k..]);
        if s.get(k) != Some(&b'=') {
            return None;
        }
        k += 1;
        k += ws(&s[k..]);
        if matches!(s.get(k), Some(b'"' | b'\'')) {
            k += 1;
        }
        let n = s[k..].iter().take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-')).count();
        (n > 0).then_some((k, k + n))
    };
    for i in 0..head.len() {
        if !ci(&head[i..], b"<meta") || head.get(i + 5).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        // the fewest bytes other than `>` before `charset`
        let mut j = i + 5;
        loop {
            if let Some((a, b)) = label_at(&head[j..]) {
                return Some(&head[j + a..j + b]);
            }
            if j >= head.len() || head[j] == b'>' {
                break;
            }
            j += 1;
        }
    }
    None
}

/// The encoding an HTML page declares in its first 4 KB, if any.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    Encoding::for_label(charset_label(head)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str, e: &'static Encoding) -> Vec<u8> {
        e.encode(s).0.into_owned()
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            v.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    const ZH: &str = "全市城镇居民人均可支配收入21713元,增长3.7%。农村居民人均可支配收入12345元,增长6.1%。\n\
                      今年上半年,全市地区生产总值完成一千二百亿元,同比增长百分之五点一,民生支出占比达到八成。\n";
    const ZHT: &str = "本港約有450至600名露宿者，其中近四分之一，即約150人露宿在深水埔。\n\
                       有外展社工稱，露宿者日間多到商場等冷氣場所避暑，流連至晚上11、12時，才用紙皮在公園外打地鋪。\n";

    #[test]
    fn invisible_format_characters_are_removed() {
        let d = decode("城镇新增就业1\u{200B}234人,\u{2066}增长\u{202E}5%\u{2069}。".as_bytes()).unwrap();
        assert_eq!(d.text, "城镇新增就业1234人,增长5%。");
    }

    #[test]
    fn encodings_table() {
        let cases: Vec<(Vec<u8>, &str, &str)> = vec![
            (ZH.as_bytes().to_vec(), "UTF-8", ZH),
            ([&[0xEF, 0xBB, 0xBF][..], ZH.as_bytes()].concat(), "UTF-8", ZH),
            (utf16(ZH, true, true), "UTF-16LE", ZH),
            (utf16(ZH, false, true), "UTF-16BE", ZH),
            (utf16(ZH, true, false), "UTF-16LE", ZH),
            (utf16(ZH, false, false), "UTF-16BE", ZH),
            (utf16("hello world, plain ASCII text\n", true, false), "UTF-16LE", "hello world, plain ASCII text\n"),
            (enc(ZH, GBK), "GB18030", ZH),
            (enc(ZHT, BIG5), "Big5", ZHT),
        ];
        for (bytes, want_enc, want_text) in cases {
            let d = decode(&bytes).expect("decodes");
            assert_eq!(d.encoding, want_enc, "{want_text}");
            assert_eq!(d.text, want_text);
            assert!(!d.lossy);
        }
    }

    #[test]
    fn lying_meta_charset() {
        // Declares UTF-8 but is GBK: the detector's clean guess wins.
        let page = format!("<html><head><meta charset=\"utf-8\"></head><body><p>{ZH}</p></body></html>");
        let d = decode(&enc(&page, GBK)).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.contains("人均可支配收入"));
        assert!(!d.warnings.is_empty());
        // Declares gb2312 truthfully.
        let page = format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>{ZH}</body></html>");
        let d = decode(&enc(&page, GBK)).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.contains("人均可支配收入"));
        // Declares gb2312 but is Big5.
        let page = format!("<html><head><meta charset=gb2312></head><body>{ZHT}{ZHT}</body></html>");
        let d = decode(&enc(&page, BIG5)).unwrap();
        assert!(d.text.contains("露宿者"), "{}", d.encoding);
    }

    #[test]
    fn errors_table() {
        let cases: Vec<(&[u8], Error)> = vec![
            (b"", Error::Empty),
            (b"  \n\t \r\n", Error::Empty),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Error::Binary { kind: "PNG image" }),
            (b"%PDF-1.7\n%\xE2\xE3", Error::Binary { kind: "PDF document" }),
            (b"PK\x03\x04\x14\x00\x06\x00", Error::Binary { kind: "ZIP archive (or an Office/EPUB file)" }),
            (b"GIF89a\x01\x00", Error::Binary { kind: "GIF image" }),
            (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", Error::Binary { kind: "JPEG image" }),
            (b"\x7FELF\x02\x01\x01\x00", Error::Binary { kind: "ELF executable" }),
            (b"MZ\x90\x00\x03\x00\x00\x00", Error::Binary { kind: "Windows executable" }),
            (b"\x1F\x8B\x08\x00\x00\x00", Error::Binary { kind: "gzip archive" }),
            (b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11", Error::Binary { kind: "binary data" }),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(bytes).unwrap_err(), want, "{bytes:?}");
        }
    }

    #[test]
    fn ordinary_words_are_not_signatures() {
        for s in ["BMW sales rose 5%", "ID3 tags", "MZ is a name"] {
            assert!(decode(s.as_bytes()).is_ok(), "{s}");
        }
    }

    #[test]
    fn controls_stripped_and_lossy_warned() {
        let d = decode(b"a\x00b\r\nc\rd\x07e\tf").unwrap();
        assert_eq!(d.text, "ab\nc\nde\tf");
        let mut bytes = enc(ZH, GBK);
        bytes.insert(10, 0xFF);
        bytes.push(0x81);
        let d = decode(&bytes).unwrap();
        assert!(d.text.contains("增长"), "{} {:?}", d.encoding, d.text);
        // Never panics on arbitrary bytes.
        for n in 0..512u32 {
            let v: Vec<u8> = (0..n).map(|i| (i.wrapping_mul(2654435761) >> 7) as u8).collect();
            let _ = decode(&v);
        }
    }

    use regex::bytes::Regex;
    use std::sync::LazyLock;

    // The pattern `charset_label` replaced: the oracle.
    static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?xi-u)
            <meta\b [^>]*?              # a meta tag
            charset \s* = \s* ["']?     # charset= (also inside content="text/html; charset=…")
            ([a-z0-9_:.\-]+)            # the label
            "#,
        )
        .expect("meta charset regex")
    });


    #[test]
    fn charset_label_as_the_regex_did() {
        let a = ["<meta", "<META", "<metas", " ", "\t", "\x0b", "http-equiv=\"Content-Type\"", "content=\"text/html;", "charset", "CHARSET", "=", "\"", "'", "gbk", "utf-8", "GB2312", ">", "<", "x", "中"];
        let mut all: Vec<Vec<u8>> = crate::pattern::oracle::random(&a, 100_000, 10).into_iter().map(String::into_bytes).collect();
        all.extend(crate::pattern::oracle::files().into_iter().map(|b| b[..b.len().min(4096)].to_vec()));
        for s in &all {
            let want = META_CHARSET.captures(s).map(|c| c.get(1).unwrap().as_bytes());
            assert_eq!(charset_label(s), want, "{:?}", String::from_utf8_lossy(s));
        }
    }
}
