"""Saved claims-list filters: stored under FLS_CONFIG_DIR, saved with `b`, applied and deleted from the `l`
list (Northwind's invented calls)."""
from __future__ import annotations

import json

import pytest
from textual.widgets import Input, OptionList, Select

from tests.tui.conftest import AS_OF, drive, settle
from tracker.errors import InputError
from tui.app import FlsApp
from tui.claim_table import ClaimFilter
from tui.saved_filters import FILE_NAME, config_dir, delete_filter, describe, load_filters, save_filter
from tui.screens.claims import ClaimsScreen
from tui.screens.saved_filters import SavedFiltersScreen

MARGINS = ClaimFilter(search="margin", metric="gross margin", due_days=-90)


@pytest.mark.parametrize("env, expected", [
    ({"FLS_CONFIG_DIR": "/srv/fls-conf", "XDG_CONFIG_HOME": "/x"}, "/srv/fls-conf"),
    ({"XDG_CONFIG_HOME": "/home/ana/.cfg"}, "/home/ana/.cfg/fls"),
])
def test_config_dir(env, expected):
    assert str(config_dir(env)) == expected


def test_home_config_when_nothing_is_set(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_dir({}) == tmp_path / ".config" / "fls"


def test_save_load_replace_delete(tmp_path):
    folder = tmp_path / "conf"
    assert load_filters(folder) == {}
    save_filter(folder, "  margins   due ", MARGINS)
    save_filter(folder, "beats", ClaimFilter(verdict="beat"))
    assert load_filters(folder) == {"margins due": MARGINS, "beats": ClaimFilter(verdict="beat")}
    assert json.loads((folder / FILE_NAME).read_text())["beats"] == {"verdict": "beat"}   # empties left out
    save_filter(folder, "beats", ClaimFilter(verdict="met"))
    assert load_filters(folder)["beats"].verdict == "met"
    delete_filter(folder, "margins due")
    assert list(load_filters(folder)) == ["beats"]
    assert not list(folder.glob(".*.tmp"))


@pytest.mark.parametrize("text, says", [
    ("{not json", "is not valid JSON"),
    ('["a"]', "should hold an object"),
    ('{"x": {"colour": "red"}}', "unknown fields: colour"),
    ('{"x": {"due_days": "soon"}}', "due_days must be a whole number"),
    ('{"x": {"metric": 3}}', "metric must be text"),
    ('{"x": 1}', "is not an object"),
])
def test_a_broken_file_is_an_error_naming_it(tmp_path, text, says):
    (tmp_path / FILE_NAME).write_text(text)
    with pytest.raises(InputError, match=says) as err:
        load_filters(tmp_path)
    assert str(tmp_path / FILE_NAME) in str(err.value)
    with pytest.raises(InputError):
        save_filter(tmp_path, "y", MARGINS)              # never overwritten over a broken file
    assert (tmp_path / FILE_NAME).read_text() == text


def test_unnamed_is_refused(tmp_path):
    with pytest.raises(InputError, match="name"):
        save_filter(tmp_path, "  ", MARGINS)


def test_describe():
    assert describe(MARGINS) == "search 'margin', metric gross margin, due in the last 90 days"
    assert describe(ClaimFilter()) == "every claim"


def run(database, conf, scenario):
    """`drive`, with the saved filters in `conf`."""
    import asyncio

    app = FlsApp(database, as_of=AS_OF, author="tester", config_dir=conf)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())


def test_app_reads_fls_config_dir(database, monkeypatch, tmp_path):
    monkeypatch.setenv("FLS_CONFIG_DIR", str(tmp_path / "c"))
    seen = {}

    async def scenario(pilot):
        seen["dir"] = pilot.app.config_dir

    drive(database, scenario)
    assert seen["dir"] == tmp_path / "c"


def test_save_with_b_then_apply_with_l(northwind, tmp_path):
    conf = tmp_path / "conf"

    async def scenario(pilot):
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ClaimsScreen)
        screen.query_one("#filter-metric", Select).value = "gross margin"
        screen.query_one("#due", Input).value = "-90"
        await settle(pilot)
        assert len(screen.shown) == 2
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"margins due", "enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert load_filters(conf) == {"margins due": ClaimFilter(metric="gross margin", due_days=-90)}
        screen.query_one("#filter-metric", Select).clear()             # back to every claim
        screen.query_one("#due", Input).value = ""
        await settle(pilot)
        assert len(screen.shown) == 7
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SavedFiltersScreen)
        assert pilot.app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one("#filter-metric", Select).value == "gross margin"
        assert screen.query_one("#due", Input).value == "-90"
        assert len(screen.shown) == 2 and {r.metric for r in screen.shown} == {"gross margin"}

    run(northwind, conf, scenario)


def test_a_choice_this_list_lacks_is_said_and_d_deletes(northwind, tmp_path):
    save_filter(tmp_path, "wafers of another company", ClaimFilter(metric="wafer starts", ticker="ZZZZ"))
    save_filter(tmp_path, "gone", ClaimFilter(verdict="beat"))

    async def scenario(pilot):
        await pilot.press("c", "l")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#filter-metric", Select).value == "wafer starts"
        assert screen.query_one("#filter-ticker", Select).value is Select.NULL
        assert len(screen.shown) == 2
        assert any("left out: ticker ZZZZ" in n.message for n in pilot.app._notifications)
        await pilot.press("l")
        await settle(pilot)
        await pilot.press("down", "d")
        await settle(pilot)
        assert pilot.app.screen.query_one(OptionList).option_count == 1
        assert list(load_filters(tmp_path)) == ["wafers of another company"]
        await pilot.press("escape")
        assert pilot.app.screen is screen

    run(northwind, tmp_path, scenario)
