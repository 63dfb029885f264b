# Types of the Rust module (src/python.rs).
from typing import Any, Iterable, Optional, Union

__version__: str

class ZhibiaoError(ValueError): ...
class Empty(ZhibiaoError): ...
class NotText(ZhibiaoError): ...
class TooLarge(ZhibiaoError): ...
class InternalError(ZhibiaoError): ...

def analyze(
    data: Union[bytes, bytearray, str],
    name: str = "",
    *,
    max_bytes: Optional[int] = None,
    keywords: bool = True,
) -> dict[str, Any]: ...
def analyze_many(
    items: Iterable[tuple[str, Union[bytes, bytearray, str]]],
    *,
    threads: Optional[int] = None,
    return_exceptions: bool = False,
    max_bytes: Optional[int] = None,
    keywords: bool = True,
) -> list[Union[dict[str, Any], ZhibiaoError]]: ...
