"""kg: a knowledge-graph builder for international relations."""


def __getattr__(name: str) -> str:
    """`kg.__version__`, read from the installed metadata only when asked for (it is slow to load)."""
    if name != "__version__":
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kg")
    except PackageNotFoundError:  # running from a source checkout that is not installed
        return "0+unknown"
