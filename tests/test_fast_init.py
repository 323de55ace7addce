"""tracker.fast_init: the quicker __init__ builds exactly the object the dataclass's own would."""
from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from tracker.fast_init import fast_init
from tracker.model import Period, Quantity
from tracker.vocab.finders import Term


@dataclass(frozen=True)
class Plain:
    start: int
    name: str
    note: str = "none"
    weight: float = 1.0


Quick = fast_init(dataclass(frozen=True)(type("Quick", (), {"__annotations__": dict(Plain.__annotations__),
                                                             "note": "none", "weight": 1.0})))


@pytest.mark.parametrize("args, kwargs", [((3, "gross margin"), {}), ((3, "eps", "raised"), {"weight": 0.5}),
                                          ((), {"name": "capex", "start": 0})])
def test_the_same_fields_as_the_dataclass_init(args, kwargs):
    plain, quick = Plain(*args, **kwargs), Quick(*args, **kwargs)
    assert vars(plain) == vars(quick)
    params = [[(p.name, p.default, p.kind) for p in inspect.signature(c.__init__).parameters.values()]
              for c in (Plain, Quick)]
    assert params[0] == params[1]


def test_still_frozen_equal_and_hashable():
    a, b = Quick(1, "revenue"), Quick(1, "revenue")
    assert a == b and hash(a) == hash(b) and a != Quick(2, "revenue")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.start = 5
    assert dataclasses.replace(a, start=4) == Quick(4, "revenue")


def test_a_missing_argument_is_still_an_error():
    with pytest.raises(TypeError):
        Quick(1)


def test_the_hot_classes_use_it():
    for cls in (Term, Period, Quantity):
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        assert "__dict__" in cls.__init__.__code__.co_names or "d" in cls.__init__.__code__.co_varnames


@pytest.mark.parametrize("make", [
    lambda: dataclass(type("NotFrozen", (), {"__annotations__": {"a": int}})),
    lambda: dataclass(frozen=True)(type("Factory", (), {"__annotations__": {"a": list}, "a": field(default_factory=list)})),
    lambda: dataclass(frozen=True)(type("Post", (), {"__annotations__": {"a": int}, "__post_init__": lambda self: None})),
    lambda: dataclass(frozen=True, slots=True)(type("Slotted", (), {"__annotations__": {"a": int}})),
])
def test_refuses_what_it_cannot_copy(make):
    with pytest.raises(TypeError):
        fast_init(make())
