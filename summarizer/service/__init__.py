"""The HTTP service: the API for review tools (`/v1/…`, app), the page for people (`/`, page), their shared request
handling and worker jobs (work), the forked workers that make briefs (worker_pool) and uvicorn's limits (server)."""

from summarizer.service.app import create_app, serve

__all__ = ["create_app", "serve"]
