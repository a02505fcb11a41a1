"""Start llama-cpp-python's OpenAI-compatible server, optionally without ggml's repacked weight buffers.

    python scripts/llama_server.py --no-repack --model MODEL.gguf --host 127.0.0.1 --port 8765 --n_ctx 8192

All other arguments go to `python -m llama_cpp.server`. `--no-repack` sets the model parameter use_extra_bufts to
false: on some virtual machines ggml's AMX/repack CPU buffers crash the server (a segmentation fault on the
first request); without them it runs, a little slower.
"""

from __future__ import annotations

import runpy
import sys


def _disable_extra_buffers() -> None:
    import llama_cpp
    import llama_cpp.llama

    default_params = llama_cpp.llama_model_default_params

    def params_without_extra_buffers():  # noqa: ANN202 - a ctypes structure
        params = default_params()
        params.use_extra_bufts = False
        return params

    llama_cpp.llama.llama_cpp.llama_model_default_params = params_without_extra_buffers


def main() -> None:
    """Run the server with the remaining arguments."""
    args = sys.argv[1:]
    if "--no-repack" in args:
        args.remove("--no-repack")
        _disable_extra_buffers()
    sys.argv = ["llama_cpp.server", *args]
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
