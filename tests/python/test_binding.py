"""The binding gives the command line's report, and bad input raises typed errors."""

import pytest

import zhibiao
from conftest import documents


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.name)
def test_report_equals_cli(path, cli_reports):
    name = str(path)
    data = path.read_bytes()
    if name in cli_reports:
        assert zhibiao.analyze(data, name) == cli_reports[name]
    else:  # the CLI refused it: so must the binding
        with pytest.raises(zhibiao.ZhibiaoError):
            zhibiao.analyze(data, name)


def test_analyze_many_equals_analyze(docs, cli_reports):
    items = [(str(p), p.read_bytes()) for p in docs]
    for threads in (None, 1):
        got = zhibiao.analyze_many(items, threads=threads, return_exceptions=True)
        assert len(got) == len(items)
        for (name, _), r in zip(items, got):
            if name in cli_reports:
                assert r == cli_reports[name]
            else:
                assert isinstance(r, zhibiao.ZhibiaoError)


def test_str_input_and_no_keywords():
    text = "2023年全市地区生产总值达到1234.5亿元,比上年增长5.1%。"
    by_str = zhibiao.analyze(text, "t")
    assert by_str == zhibiao.analyze(text.encode(), "t")
    assert by_str["metrics"] and by_str["metrics"][0]["value"] == 123450000000
    assert zhibiao.analyze(text, "t", keywords=False)["keywords"] == []


@pytest.mark.parametrize(
    "data, kwargs, error",
    [
        (b"", {}, zhibiao.Empty),
        (b"  \n\t ", {}, zhibiao.Empty),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, {}, zhibiao.NotText),
        ("增长5%" * 100, {"max_bytes": 10}, zhibiao.TooLarge),
    ],
    ids=["empty", "blank", "png", "too-large"],
)
def test_bad_input_raises_its_type(data, kwargs, error):
    with pytest.raises(error) as e:
        zhibiao.analyze(data, "bad", **kwargs)
    assert isinstance(e.value, zhibiao.ZhibiaoError) and isinstance(e.value, ValueError)
    assert str(e.value)


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        zhibiao.analyze(42)
    with pytest.raises(TypeError):
        zhibiao.analyze_many([("a", b"x", "extra")])


def test_analyze_many_errors():
    items = [("ok", "全年新增城镇就业24.8万人。"), ("empty", b""), ("bin", b"\x00" * 64 + b"PK\x03\x04")]
    got = zhibiao.analyze_many(items, return_exceptions=True)
    assert got[0]["source"]["name"] == "ok"
    assert isinstance(got[1], zhibiao.Empty)
    assert isinstance(got[2], zhibiao.ZhibiaoError)
    with pytest.raises(zhibiao.Empty):
        zhibiao.analyze_many(items)


def test_panic_becomes_internal_error_and_interpreter_goes_on():
    with pytest.raises(zhibiao.InternalError):
        zhibiao._native._debug_panic()
    assert zhibiao.analyze("增长5%", "after")["source"]["name"] == "after"
