#!/usr/bin/env python3
"""Writes the bad-input corpus of issue 5.

Small files (< 100 KB) go into tests/inputs/ and are committed; the large ones
(50 MB text, 2 MB line, 20 000 numbers, 10 000-level nesting) are written to
target/robust-inputs/ and never committed. tests/robustness.rs builds the large ones
in memory with the same recipes, so `cargo test` does not need Python; run this script
to get them as files (for the browser e2e test, the CLI or the fuzzers):

    python3 tests/inputs/generate.py            # small files + large files
    python3 tests/inputs/generate.py --small    # only the committed files
"""
import io
import os
import struct
import sys
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LARGE = os.path.join(ROOT, "target", "robust-inputs")

# The plain article every encoded variant carries: 5 clear metrics.
ARTICLE = (
    "2021年，全市地区生产总值达到729.91亿元，增长6.5%。\n"
    "城镇新增就业24.8万人，城镇登记失业率控制在3.08%以内。\n"
    "全市居民人均可支配收入16993元，增长5.1%。\n"
    "改造老旧小区313个，新建幼儿园12所。\n"
)
# The same figures, Traditional (for Big5).
ARTICLE_HANT = (
    "2021年，全市地區生產總值達到729.91億元，增長6.5%。\n"
    "城鎮新增就業24.8萬人，城鎮登記失業率控制在3.08%以內。\n"
    "全市居民人均可支配收入16993元，增長5.1%。\n"
    "改造老舊小區313個，新建幼兒園12所。\n"
)


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def pdf():
    # mostly ASCII, like a real PDF: only the signature tells
    body = (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
        b"4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 100 700 Td (GDP 729.91) Tj ET\nendstream\nendobj\n"
        b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )
    return body


def zip_bytes():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        info = zipfile.ZipInfo("article.txt", date_time=(2021, 1, 1, 0, 0, 0))
        z.writestr(info, ARTICLE.encode("utf-8"))
    return buf.getvalue()


def elf():
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    rest = struct.pack("<HHIQQQIHHHHHH", 2, 0x3E, 1, 0x401000, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    code = b"\x48\x31\xff\xb8\x3c\x00\x00\x00\x0f\x05"  # exit(0)
    return ident + rest + bytes(56) + code + bytes(128)


def invalid_utf8():
    a = ARTICLE.encode("utf-8")
    # a stray continuation byte, an overlong form, a truncated 3-byte sequence, 0xFF
    return a[:20] + b"\x80" + a[20:60] + b"\xc0\xaf" + a[60:100] + b"\xe4\xb8" + a[100:] + b"\xff\n"


def control_chars():
    s = (
        "\ufeff标题\u200b：年度\u202e报告\u202c\n"
        "全市\u0000居民人均可支配收入16993元\u200d，增长5.1%。👍🇨🇳👨‍👩‍👧\n"
        "𠀀𪚥𝕏\u2066城镇新增就业24.8万人\u2069，\u200e改造老旧小区313个\u200f。\n"
        "\u0007\u001b[31m终端转义\u001b[0m新建幼儿园12所。\n"
    )
    return s.encode("utf-8")


def overflow():
    lines = [
        "财政收入9999999999999999999999亿元，增长1e308%。",
        "投资1e308元，另有NaN元和inf%，还有-inf万元。",
        "人口" + "9" * 400 + "人，面积" + "1" * 5000 + "平方米。",
        "比例0." + "0" * 3000 + "1%，金额" + "1," * 2000 + "000元。",
        "九千九百九十九万九千九百九十九亿亿亿亿亿亿亿亿元，百分之九十九点" + "九" * 500 + "。",
        "增长" + "9" * 310 + "%到" + "9" * 320 + "%。",
        "比值为" + ":".join(["1.5"] * 2000) + "。",
        "全市居民人均可支配收入16993元，增长5.1%。",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def xss():
    p = []
    for i in range(40):
        p.append(
            f"<p onclick=\"alert({i})\">全市新增就业{100 + i}人<script>alert(1)</script>"
            f"<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">点我</a>"
            f"<svg onload=alert(1)></svg><iframe src=\"javascript:alert(1)\"></iframe>"
            f"<style>*{{background:url(javascript:alert(1))}}</style></p>"
        )
    return ("<!DOCTYPE html><html><head><title>测试</title></head><body>\n" + "\n".join(p) + "\n</body></html>\n").encode("utf-8")


def scripts_only():
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\n"
        "<script>var s = '全市地区生产总值达到729.91亿元，增长6.5%'; document.write(s);</script>\n"
        "<style>body { width: 100%; } .x::after { content: '增长5.1%'; }</style>\n"
        "</head><body>\n<script type=\"text/javascript\">for (var i = 0; i < 10; i++) { console.log('12个'); }</script>\n"
        "<noscript></noscript><style>p{margin:0}</style>\n</body></html>\n"
    ).encode("utf-8")


def unclosed_html():
    body = "".join(f"<div><p><b><i><span>{line}" for line in ARTICLE.splitlines())
    return ("<html><head><title>公报</title><body>" + body + "<table><tr><td>1<td>2").encode("utf-8")


def html_with_meta(charset, text, encoding):
    page = (
        f"<html><head><meta charset=\"{charset}\"><title>公报</title></head><body>\n"
        + "".join(f"<p>{l}</p>\n" for l in text.splitlines())
        + "</body></html>\n"
    )
    return page.encode(encoding)


SMALL = {
    "empty.txt": b"",
    "whitespace.txt": b"  \t\r\n\n   \t \r\n" + "\u3000\u00a0\u3000\n".encode("utf-8"),
    "image.png": png(),
    "document.pdf": pdf(),
    "archive.zip": zip_bytes(),
    "program.elf": elf(),
    "article.txt": ARTICLE.encode("utf-8"),
    "invalid_utf8.txt": invalid_utf8(),
    "gbk.txt": ARTICLE.encode("gbk"),
    "big5.txt": ARTICLE_HANT.encode("big5"),
    "utf16le_bom.txt": b"\xff\xfe" + ARTICLE.encode("utf-16-le"),
    "utf16be_bom.txt": b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    "utf16le.txt": ARTICLE.encode("utf-16-le"),
    "utf16be.txt": ARTICLE.encode("utf-16-be"),
    "meta_lies_gbk.html": html_with_meta("utf-8", ARTICLE, "gbk"),
    "meta_lies_utf8.html": html_with_meta("gb2312", ARTICLE, "utf-8"),
    "unclosed.html": unclosed_html(),
    "scripts_only.html": scripts_only(),
    "controls.txt": control_chars(),
    "overflow.txt": overflow(),
    "xss.html": xss(),
}


def big_text(size):
    para = ARTICLE.replace("\n", "")
    out = io.StringIO()
    n = 0
    i = 0
    while n < size:
        line = f"第{i}段：{para}\n"
        out.write(line)
        n += len(line.encode("utf-8"))
        i += 1
    return out.getvalue().encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def long_line(size, numbers):
    unit = "全市居民人均可支配收入16993元增长5点1个百分点" if numbers else "发展经济改善民生推进治理"
    b = unit.encode("utf-8")
    return (b * (size // len(b) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


def many_numbers(n):
    return "".join(f"第{i}项指标为{i * 7 + 13}.{i % 10}万元，增长{i % 97}.{i % 7}%；" for i in range(n)).encode("utf-8") + b"\n"


def nested(depth, closed):
    s = "<div>" * depth + "全市新增就业24.8万人。" + ("</div>" * depth if closed else "")
    return s.encode("utf-8")


LARGE_FILES = {
    "big_50mb.txt": lambda: big_text(50 * 1024 * 1024),
    "line_2mb.txt": lambda: long_line(2 * 1024 * 1024, False),
    "line_2mb_numbers.txt": lambda: long_line(2 * 1024 * 1024, True),
    "numbers_20k.txt": lambda: many_numbers(20000),
    "nested_10k.html": lambda: nested(10000, True),
    "nested_10k_unclosed.html": lambda: nested(10000, False),
}


def main():
    for name, data in SMALL.items():
        assert len(data) < 100 * 1024, name
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    if "--small" in sys.argv:
        return
    os.makedirs(LARGE, exist_ok=True)
    for name, make in LARGE_FILES.items():
        with open(os.path.join(LARGE, name), "wb") as f:
            f.write(make())
    print(f"wrote {len(SMALL)} files to {HERE} and {len(LARGE_FILES)} to {LARGE}")


if __name__ == "__main__":
    main()
