"""kg: a knowledge-graph builder for international relations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source checkout that is not installed
    __version__ = "0+unknown"
