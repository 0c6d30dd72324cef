"""Rasa's lookup of an event's class by its type name, with the class remembered per name.

Rasa turns every stored event back into an object (`Event.from_parameters`) by walking all
subclasses of `Event` (`all_subclasses`, with an `inspect.isabstract` check on each) until
one has the type name: about 0.1 ms per event, and a turn loads every event of its session.
The classes are all defined when Rasa's modules are imported, so the walk gives the same
class each time; it is done once per type name here. A name no class has goes to Rasa's own
lookup every time, which answers as before (None for "topic", the default, or ValueError).
"""

from __future__ import annotations

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_rasa_resolve_by_type = Event.resolve_by_type
_found: dict[str, type[Event]] = {}


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """What `Event.resolve_by_type` returns, walking the subclasses only the first time a name is seen."""
    found = _found.get(type_name)
    if found is None:
        found = next((cls for cls in all_subclasses(Event) if cls.type_name == type_name), None)
        if found is None:
            resolved: type[Event] | None = _rasa_resolve_by_type(type_name, default)
            return resolved
        _found[type_name] = found
    return found


def install() -> None:
    Event.resolve_by_type = staticmethod(resolve_by_type)
