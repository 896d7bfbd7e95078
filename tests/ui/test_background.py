import asyncio

from kiosk.ui.background import BackgroundWork


async def test_a_quick_wait_shows_no_busy_sign() -> None:
    work = BackgroundWork()
    seen: list[bool] = []

    async def quick() -> None:
        pass

    work.run(quick(), busy=seen.append)
    await work.finish()
    assert seen == []


async def test_a_wait_worth_noticing_shows_the_sign_until_the_last_work_using_it_ends() -> None:
    work = BackgroundWork()
    seen: list[bool] = []
    shown = asyncio.Event()

    def busy(on: bool) -> None:
        seen.append(on)
        if on:
            shown.set()

    first_may_end, second_may_end, first_ended = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def first() -> None:
        await first_may_end.wait()
        first_ended.set()

    async def second() -> None:
        await second_may_end.wait()

    work.run(first(), busy=busy)
    work.run(second(), busy=busy)
    await asyncio.wait_for(shown.wait(), 5)
    first_may_end.set()
    await first_ended.wait()
    assert seen == [True]  # the second one still waits
    second_may_end.set()
    await work.finish()
    assert seen == [True, False]


async def test_a_failure_is_logged_and_the_sign_hidden(caplog) -> None:
    work = BackgroundWork()
    seen: list[bool] = []
    shown = asyncio.Event()

    def busy(on: bool) -> None:
        seen.append(on)
        shown.set()

    async def fails() -> None:
        await shown.wait()
        raise RuntimeError("the database went away")

    work.run(fails(), busy=busy)
    await work.finish()
    assert seen == [True, False]
    assert "the database went away" in caplog.text
