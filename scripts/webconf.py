#!/usr/bin/env python3
"""Reads wasm-pack.toml (wasm-pack itself does not) and turns it into wasm-pack flags.

  scripts/webconf.py build-args          flags for `wasm-pack build`, one per line
  scripts/webconf.py test-args           flags for `wasm-pack test`, one per line (then `--` and cargo's)
  scripts/webconf.py webdriver-json F    write the webdriver.json the test runner merges into Chromium's options
  scripts/webconf.py get SECTION KEY     one value (lists joined by newlines)
  scripts/webconf.py json                the whole file as JSON (for the node tests)
"""
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROFILES = {"release": "--release", "dev": "--dev", "profiling": "--profiling"}


def load():
    with open(os.path.join(ROOT, "wasm-pack.toml"), "rb") as f:
        return tomllib.load(f)


def fail(msg):
    print(f"wasm-pack.toml: {msg}", file=sys.stderr)
    sys.exit(2)


def build_args(c):
    b = c["build"]
    if b.get("profile", "release") not in PROFILES:
        fail(f"build.profile must be one of {sorted(PROFILES)}")
    args = [PROFILES[b.get("profile", "release")],
            "--target", b.get("target", "web"),
            "--out-dir", os.path.join(ROOT, b.get("out-dir", "www/pkg")),
            "--out-name", b.get("out-name", "zhibiao"),
            "--mode", b.get("mode", "no-install")]
    if b.get("wasm-opt", False) is False:
        args.append("--no-opt")
    return args


def test_args(c):
    t = c["test"]
    args = []
    if t.get("headless", True):
        args.append("--headless")
    browser = t.get("browser", "chrome")
    args.append("--" + browser)
    if t.get("driver"):
        args += ["--" + {"chrome": "chromedriver", "firefox": "geckodriver", "safari": "safaridriver"}[browser], t["driver"]]
    if t.get("profile", "dev") != "dev":
        args.append(PROFILES[t["profile"]])
    args.append("--")
    for name in t.get("tests", []):
        args += ["--test", name]
    return args


def main():
    c = load()
    cmd = sys.argv[1] if len(sys.argv) > 1 else "json"
    if cmd == "build-args":
        print("\n".join(build_args(c)))
    elif cmd == "test-args":
        print("\n".join(test_args(c)))
    elif cmd == "webdriver-json":
        opts = {"goog:chromeOptions": {"args": c["test"].get("browser-args", [])}}
        with open(sys.argv[2], "w") as f:
            json.dump(opts, f)
    elif cmd == "get":
        v = c[sys.argv[2]][sys.argv[3]]
        print("\n".join(map(str, v)) if isinstance(v, list) else v)
    elif cmd == "json":
        print(json.dumps(c))
    else:
        fail(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
