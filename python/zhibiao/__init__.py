"""Zhibiao (指标): Chinese development reporting in, structured metrics out.

>>> import zhibiao
>>> report = zhibiao.analyze(open("article.html", "rb").read(), "article.html")
>>> [(m["indicator"], m["value"], m["unit"]) for m in report["metrics"]]

``analyze`` returns the report of the project's SPEC §2 as a dict: the very JSON that
``zhibiao --format json`` prints. ``analyze_many`` analyses many ``(name, data)`` pairs in
parallel with the GIL released. A document without a report raises a subclass of
:class:`ZhibiaoError` (itself a :class:`ValueError`) that says why: :class:`Empty`,
:class:`NotText`, :class:`TooLarge`, or :class:`InternalError` for a bug in the core.

``zhibiao.spark`` (needs ``pyspark`` and ``pyarrow``) turns a DataFrame of documents into a
DataFrame of metric rows, and ``python -m zhibiao.spark`` runs it over files or Parquet.
"""

from ._native import (
    Empty,
    InternalError,
    NotText,
    TooLarge,
    ZhibiaoError,
    __version__,
    analyze,
    analyze_many,
)

__all__ = [
    "analyze",
    "analyze_many",
    "ZhibiaoError",
    "Empty",
    "NotText",
    "TooLarge",
    "InternalError",
    "__version__",
]
