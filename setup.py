"""The build of the extractive engine's reading compiled by mypyc, with its pure-Python modules as the fallback.

Everything else about the package is in pyproject.toml. `pip install` (editable or not) compiles the modules that
summarizer/engines/extractive/compiled.py lists with mypy's compiler (mypyc, a build requirement) into C extensions,
which Python imports before the sources of the same names, and writes the manifest of the sources compiled. The
install goes on without them, and the same modules run interpreted, when SUMMARIZER_NO_COMPILE=1 is set, when mypyc
is missing, or when the C compiler is missing or fails: a warning says so. An editable install whose extensions
still match their sources (the manifest) does not compile them again.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import shutil
import sys
import sysconfig
from pathlib import Path
from typing import Any

from setuptools import Distribution, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

ROOT = Path(__file__).resolve().parent
NO_COMPILE_ENV = "SUMMARIZER_NO_COMPILE"


def _compiled_module() -> Any:
    """summarizer/engines/extractive/compiled.py, loaded by its path (the package's dependencies are not installed
    in the build's environment)."""
    path = ROOT / "summarizer" / "engines" / "extractive" / "compiled.py"
    spec = importlib.util.spec_from_file_location("_summarizer_compiled", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPILED = _compiled_module()
PACKAGE_DIR = ROOT / Path(*COMPILED.PACKAGE.split("."))


def _warn(message: str) -> None:
    print(f"warning: {message}; the reading runs interpreted (same results, slower)", file=sys.stderr)


class OptionalMypycBuild(build_ext):
    """Compiles the reading with mypyc when it can; otherwise leaves the pure-Python modules to run."""

    def _extensions(self) -> list[Any]:
        if os.environ.get(NO_COMPILE_ENV, "") not in ("", "0"):
            self._remove_in_place()
            _warn(f"{NO_COMPILE_ENV} is set")
            return []
        if self._in_place() and COMPILED.why_interpreted(PACKAGE_DIR) is None and self._in_place_built():
            print("the compiled reading matches its sources: not compiled again", file=sys.stderr)
            return []
        # the compiler distutils will call (CC, else the one Python was built with): none, and mypyc is not run
        compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
        if shutil.which(compiler) is None:
            _warn(f"no C compiler ({compiler})")
            return []
        try:
            from mypyc.build import mypycify
        except ImportError as error:
            _warn(f"mypyc cannot be imported ({error})")
            return []
        paths = [str(Path(*COMPILED.PACKAGE.split(".")) / f"{name}.py") for name in COMPILED.MODULES]
        # the build's environment holds mypy and setuptools, not the package's dependencies: the modules the
        # compiled ones import are type-checked only as far as they need (mypy checks the whole package in CI)
        try:
            return list(mypycify(["--follow-imports=silent", *paths], opt_level="3", group_name=COMPILED.GROUP))
        except (Exception, SystemExit) as error:  # mypyc exits on a module it cannot compile
            _warn(f"mypyc could not compile the reading ({error!r})")
            return []

    def run(self) -> None:
        # the extensions are made here, not in setup(): pip's metadata steps finalize this command too (for the
        # source list of the egg-info) and must not run mypyc; and by now an editable install is known
        self.in_place_build = self._in_place()  # setuptools clears inplace while it builds
        self._adopt(self._extensions())
        if not self.extensions:
            return
        self._remove_in_place()
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError, OSError) as error:
            for extension in self.extensions:  # any built before the failure: all or none
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            self._remove_in_place()
            self.extensions = []
            _warn(f"the C compiler could not build the reading ({error})")
            return
        target = PACKAGE_DIR if self._in_place() else Path(self.build_lib, *COMPILED.PACKAGE.split("."))
        target.mkdir(parents=True, exist_ok=True)
        (target / COMPILED.MANIFEST).write_text(COMPILED.manifest_text(PACKAGE_DIR), encoding="utf-8")

    def _adopt(self, extensions: list[Any]) -> None:
        """Take the extensions as finalize_options takes those given to setup() (setuptools' per-extension names)."""
        self.extensions = extensions
        self.check_extensions_list(extensions)
        for extension in extensions:
            extension._full_name = self.get_ext_fullname(extension.name)
            self.ext_map[extension._full_name] = extension
            self.ext_map[extension._full_name.split(".")[-1]] = extension
            extension._links_to_dynamic = False
            extension._needs_stub = False
            extension._file_name = self.get_ext_filename(extension._full_name)

    def _in_place(self) -> bool:
        """Whether the extensions go beside the sources (an editable install)."""
        return bool(getattr(self, "in_place_build", False) or self.inplace or getattr(self, "editable_mode", False))

    def _in_place_built(self) -> bool:
        suffix = self._suffix()
        names = [*COMPILED.MODULES, COMPILED.GROUP.rpartition(".")[2] + "__mypyc"]
        return all((PACKAGE_DIR / f"{name}{suffix}").exists() for name in names)

    def _remove_in_place(self) -> None:
        """Remove a compiled build left beside the sources (an earlier editable install, perhaps of other modules):
        it would shadow them. Every extension there is one of ours."""
        if not self._in_place():
            return
        for built in PACKAGE_DIR.glob(f"*{self._suffix()}"):
            built.unlink()
        (PACKAGE_DIR / COMPILED.MANIFEST).unlink(missing_ok=True)

    @staticmethod
    def _suffix() -> str:
        return importlib.machinery.EXTENSION_SUFFIXES[0]


class CompiledDistribution(Distribution):
    """A platform wheel, and build_ext run, even though the extensions are only known when it runs."""

    def has_ext_modules(self) -> bool:
        return True


setup(distclass=CompiledDistribution, cmdclass={"build_ext": OptionalMypycBuild})
