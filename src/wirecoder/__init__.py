"""wirecoder: news in, political event data out.

>>> import wirecoder
>>> doc = wirecoder.code("MOSCOW, 5 May 2010 (AP) - Russia's president met ...")
>>> doc.to_dict()["article"]["dateline"]["place"]
'Moscow'
"""

from wirecoder.errors import DataFileError, InputError, StoreError, WirecoderError
from wirecoder.model import Article, CodedDocument, Dateline, RawDocument, Removed
from wirecoder.pipeline import code
from wirecoder.store import open_store
from wirecoder.version import package_version

__version__ = package_version()

__all__ = [
    "Article",
    "CodedDocument",
    "DataFileError",
    "Dateline",
    "InputError",
    "RawDocument",
    "Removed",
    "StoreError",
    "WirecoderError",
    "__version__",
    "code",
    "open_store",
]
