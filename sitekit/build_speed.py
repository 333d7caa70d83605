"""MkDocs hook: remove two fixed costs every build paid, with settings the libraries offer.

1. Chinese search segmentation. Material's search plugin segments Chinese with jieba, whose
   default dictionary (349 046 words) takes 0.6-1.2 s to load on every build. Material's
   `jieba_dict` option takes another dictionary: here the words of jieba's own dictionary with a
   frequency of at least MIN_FREQ (about 36 000 words, every single character included), written
   once to .cache/jieba/ from the installed jieba, so it follows jieba's version and adds no file
   to the repository. Loading it takes a tenth of the time; on the site's text it keeps 99 % of
   the full dictionary's word boundaries and every technical term (激活函数, 梯度消失, 链式法则,
   交叉熵, 计算图 ...) still starts on a word boundary, which is what Material's browser-side
   query segmentation needs to find it inside a sentence (tests/test_build_cache.py).
   jieba's own model cache goes to .cache/jieba/ too (default: the system temp dir).
   SEARCH_DICT=full keeps jieba's full dictionary.
2. Theme templates. MkDocs compiles Material's ~50 Jinja templates on every build; Jinja's
   FileSystemBytecodeCache (keyed on each template's source checksum) keeps the compiled code
   in .cache/jinja/.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.build_speed")

MIN_FREQ = 100


def _cache_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent / ".cache"


def compact_dictionary(full: Path, target: Path, min_freq: int = MIN_FREQ) -> Path:
    """Write the words of jieba's dictionary `full` with frequency >= min_freq to `target`
    (only when `full` changed: jieba rebuilds its model cache whenever the file is newer)."""
    source = full.read_bytes()
    stamp = f"{hashlib.sha256(source).hexdigest()} {min_freq}\n"
    stamp_file = target.with_suffix(".stamp")
    if target.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return target
    kept = []
    for line in source.decode("utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and (int(parts[1]) >= min_freq or len(parts[0]) == 1):
            kept.append(line)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    stamp_file.write_text(stamp)
    return target


@event_priority(100)  # before Material's search plugin reads `jieba_dict` in its on_config
def on_config(config):
    if os.environ.get("SEARCH_DICT", "compact") == "full":
        return config
    try:
        import jieba
    except ImportError:
        return config
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search.config, "jieba_dict") or search.config.jieba_dict:
        return config  # not Material's search, or a dictionary was chosen in mkdocs.yml
    folder = _cache_root(config) / "jieba"
    full = Path(jieba.__file__).parent / "dict.txt"
    try:
        compact = compact_dictionary(full, folder / "dict.txt")
    except OSError as error:
        log.debug("build_speed: keeping jieba's full dictionary: %s", error)
        return config
    jieba.dt.tmp_dir = str(folder)
    search.config.jieba_dict = str(compact)
    return config


def on_env(env, config, files):
    import jinja2

    folder = _cache_root(config) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
