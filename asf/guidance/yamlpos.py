"""YAML loading that remembers where each value came from.

Editors of the tree are told the line of every problem, so the loader keeps a
map from a value's path (keys and list indexes) to its line in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from asf.yamltext import SAFE_LOADER

PathKey = tuple[str | int, ...]


class YamlSyntaxError(ValueError):
    """The file is not valid YAML; the message names the line."""


@dataclass
class LocatedYaml:
    """Parsed YAML plus the 1-based line of every mapping key and list item."""

    data: Any
    source: str
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def load_located(path: Path) -> LocatedYaml:
    """Read a YAML file, keeping line numbers; raise YamlSyntaxError if invalid."""
    text = path.read_text(encoding="utf-8")
    return parse_located(text, str(path))


def parse_located(text: str, source: str) -> LocatedYaml:
    try:
        loader = SAFE_LOADER(text)  # libyaml's when there is one: the same nodes and marks
        try:
            # One parse: the node graph gives the lines, the same graph gives the data.
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"rad {mark.line + 1}" if mark is not None else "okänd rad"
        problem = getattr(error, "problem", None) or str(error)
        raise YamlSyntaxError(f"{source}, {where}: filen är inte giltig YAML ({problem}).") from error
    located = LocatedYaml(data=data, source=source)
    if node is not None:
        _collect_lines(node, (), located.lines)
    return located


def _collect_lines(node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = (*path, _scalar_key(key_node))
            lines[key_path] = key_node.start_mark.line + 1
            _collect_lines(value_node, key_path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            lines[item_path] = item.start_mark.line + 1
            _collect_lines(item, item_path, lines)


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar_key(node: yaml.Node) -> str | int:
    # Keys such as `1:` (paragraph numbers) load as ints; keep the type so paths
    # match the loaded data. The node's resolved tag decides, as in the loader.
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if node.tag == _STR_TAG:
        return str(node.value)  # nearly every key: no constructor to make
    value = yaml.constructor.SafeConstructor().construct_object(node)
    return value if isinstance(value, (str, int)) else str(value)
