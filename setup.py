"""Packaging: the card's top-level folders are installed as one package, `vnplan`.

`extract/` becomes `vnplan` and `models/` becomes `vnplan.models` (setuptools `package_dir`), so
`import vnplan` and `import vnplan.models` work and nothing called `extract` or `models` lands in
site-packages. Everything else is declared in setup.cfg.
"""

from setuptools import find_packages, setup


def mapped(folder: str, name: str) -> list[str]:
    return [name + package[len(folder):] for package in find_packages(include=[folder, folder + ".*"])]


setup(
    packages=mapped("extract", "vnplan") + mapped("models", "vnplan.models"),
    package_dir={"vnplan": "extract", "vnplan.models": "models"},
)
