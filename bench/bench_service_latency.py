"""How long `/healthz` takes while the service makes a slow brief.

Starts the real `summarizer serve` (from this checkout, or `--repo` another one, to compare), posts a large JSON
body of statements (the bundled example's statements repeated with a case number; 20,000 make about 9 MB, under
the default 10 MiB limit) asking for the HTML brief, and polls `/healthz` every 50 ms until the slow request is
answered. Prints the worst and median `/healthz` latency and what the slow request got.

Run: python bench/bench_service_latency.py [--statements 20000] [--format html] [--budget SECONDS] [--repo DIR]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _statements(count: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(REPO))
    from summarizer.readers import load_statements

    source = load_statements(REPO / "examples" / "uc-msc-covid19-scite-page.txt")
    repeated = source.statements * (count // len(source.statements))
    return [{"id": f"S{i + 1}", "text": f"{s.text} (case {i})", "section": s.section} for i, s in enumerate(repeated)]


def _request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    try:
        conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20_000)
    parser.add_argument("--format", default="html")
    parser.add_argument("--budget", type=float, help="service.request_timeout_seconds (default: the server's)")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose `summarizer serve` to run")
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "summarizer", "serve", "--port", str(port)]
    with tempfile.TemporaryDirectory() as tmp:
        if args.budget is not None:
            config = Path(tmp) / "serve.toml"
            config.write_text(f"[service]\nrequest_timeout_seconds = {args.budget}\n")
            command += ["--config", str(config)]
        server = subprocess.Popen(command, cwd=args.repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    _request(port, "GET", "/healthz")
                    break
                except OSError:
                    time.sleep(0.1)
            body = json.dumps(_statements(args.statements)).encode()
            slow: dict[str, Any] = {}

            def post() -> None:
                started = time.monotonic()
                status, reply = _request(port, "POST", f"/v1/briefs?format={args.format}", body)
                slow.update(status=status, bytes=len(reply), seconds=time.monotonic() - started)

            poster = threading.Thread(target=post)
            poster.start()
            latencies = []
            while poster.is_alive():
                started = time.monotonic()
                _request(port, "GET", "/healthz")
                latencies.append(time.monotonic() - started)
                time.sleep(0.05)
            poster.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs; server: {args.repo}")
    print(f"slow request: {args.statements} statements, {len(body) / 1e6:.1f} MB JSON, ?format={args.format}: "
          f"HTTP {slow['status']}, {slow['bytes'] / 1e6:.1f} MB, {slow['seconds']:.1f} s")
    print(f"/healthz during it: {len(latencies)} polls, worst {max(latencies):.3f} s, "
          f"median {statistics.median(latencies):.3f} s")


if __name__ == "__main__":
    main()
