import asyncio
import os

import serial
import serial_asyncio_fast

from kiosk.sources.simulator import ModemSimulator

from ..conftest import WAIT


def port_exists(port: str) -> bool:
    return os.path.exists(port)


async def open_port(port: str):
    return await serial_asyncio_fast.open_serial_connection(url=port, baudrate=115200)


async def close(writer) -> None:
    writer.close()
    await asyncio.wait_for(writer.wait_closed(), WAIT)


async def command(reader, writer, text: str) -> bytes:
    """Send one command, return the raw reply up to and including its final result."""
    writer.write(text.encode() + b"\r")
    reply = b""
    while not reply.endswith((b"OK\r\n", b"ERROR\r\n", b"NO CARRIER\r\n")):
        reply += await asyncio.wait_for(reader.read(1024), WAIT)
    return reply


async def test_port_is_a_real_terminal(simulator: ModemSimulator):
    assert simulator.port.startswith("/dev/")
    fd = os.open(simulator.port, os.O_RDWR | os.O_NOCTTY)
    try:
        assert os.isatty(fd)
    finally:
        os.close(fd)


async def test_answers_commands_over_the_pty(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        assert await command(reader, writer, "AT") == b"AT\r\r\nOK\r\n"  # echo is on
        assert await command(reader, writer, "ATE0") == b"ATE0\r\r\nOK\r\n"
        assert await command(reader, writer, "AT") == b"\r\nOK\r\n"
        assert await command(reader, writer, "AT+CSQ") == b"\r\n+CSQ: 20,99\r\n\r\nOK\r\n"
        assert await command(reader, writer, "AT+CGMI") == b"\r\nSIMULATED\r\n\r\nOK\r\n"
        assert await command(reader, writer, "AT+CGMM") == b"\r\nVirtual modem\r\n\r\nOK\r\n"
        assert await command(reader, writer, "AT+CMEE=1") == b"\r\nOK\r\n"
        assert await command(reader, writer, "ATS0=0") == b"\r\nOK\r\n"
        assert await command(reader, writer, "AT+BOGUS") == b"\r\nERROR\r\n"
        assert not simulator.caller_id_enabled.is_set()
        assert await command(reader, writer, "AT+CLIP=1") == b"\r\nOK\r\n"
        assert simulator.caller_id_enabled.is_set()
        assert await command(reader, writer, "ATE1") == b"\r\nOK\r\n"
        assert await command(reader, writer, "AT") == b"AT\r\r\nOK\r\n"
    finally:
        await close(writer)
    assert simulator.commands == [
        "AT", "ATE0", "AT", "AT+CSQ", "AT+CGMI", "AT+CGMM", "AT+CMEE=1", "ATS0=0",
        "AT+BOGUS", "AT+CLIP=1", "ATE1", "AT",
    ]  # fmt: skip


async def test_works_with_blocking_pyserial(simulator: ModemSimulator):
    def talk(port: str) -> bytes:
        with serial.Serial(port, 115200, timeout=WAIT) as ser:
            ser.write(b"AT+CSQ\r")
            return ser.read_until(b"OK\r\n")

    # Blocking I/O in a thread: the simulator answers on the event loop meanwhile.
    reply = await asyncio.to_thread(talk, simulator.port)
    assert reply == b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n"


async def test_ring_until_hung_up(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        await command(reader, writer, "ATE0")
        await command(reader, writer, "AT+CLIP=1")
        call = simulator.ring_soon("+919812345678", rings=3, interval=WAIT)
        lines = b""
        while b"+CLIP" not in lines or not lines.endswith(b"\r\n"):
            lines += await asyncio.wait_for(reader.read(1024), WAIT)
        assert lines == b'\r\nRING\r\n\r\n+CLIP: "+919812345678",145,"",,"",0\r\n'
        assert await command(reader, writer, "ATH") == b"\r\nOK\r\n"
        assert await asyncio.wait_for(call, WAIT) is True
    finally:
        await close(writer)
    assert simulator.hangups == 1
    assert simulator.answered is False


async def test_unanswered_ring_ends_with_no_carrier(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        await command(reader, writer, "ATE0")
        await command(reader, writer, "AT+CLIP=1")
        assert await simulator.ring("", rings=2, interval=0) is False
        data = b""
        while not data.endswith(b"NO CARRIER\r\n"):
            data += await asyncio.wait_for(reader.read(1024), WAIT)
    finally:
        await close(writer)
    withheld = b'\r\nRING\r\n\r\n+CLIP: "",128,"",,"",1\r\n'
    assert data == withheld * 2 + b"\r\nNO CARRIER\r\n"


async def test_no_clip_before_caller_id_is_enabled(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        assert await simulator.ring("+919812345678", rings=1, interval=0) is False
        data = b""
        while not data.endswith(b"NO CARRIER\r\n"):
            data += await asyncio.wait_for(reader.read(1024), WAIT)
    finally:
        await close(writer)
    assert data == b"\r\nRING\r\n\r\nNO CARRIER\r\n"


async def test_answering_is_recorded(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        await command(reader, writer, "ATE0")
        call = simulator.ring_soon("+919812345678", interval=WAIT)
        await asyncio.wait_for(reader.readuntil(b"RING\r\n"), WAIT)
        assert await command(reader, writer, "ATA") == b"\r\nOK\r\n"
        assert await asyncio.wait_for(call, WAIT) is False
    finally:
        await close(writer)
    assert simulator.answered is True


async def test_stop_removes_the_port():
    sim = ModemSimulator()
    await sim.start()
    port = sim.port
    assert port_exists(port)
    await sim.stop()
    assert not port_exists(port)
    await sim.stop()  # idempotent


async def test_messages_go_where_cnmi_says_and_at_w_keeps_it_across_a_restart(
    simulator: ModemSimulator,
):
    reader, writer = await open_port(simulator.port)
    try:
        assert (
            await command(reader, writer, "AT+CNMI?")
            == b"AT+CNMI?\r\r\n+CNMI: 2,1,0,0,0\r\n\r\nOK\r\n"
        )
        simulator.receive_sms("+919900011122", "Hello")
        assert await reader.readuntil(b'+CMTI: "SM",1\r\n')
        assert await command(reader, writer, "AT+CNMI=2,2") == b"AT+CNMI=2,2\r\r\nOK\r\n"
        assert await command(reader, writer, "AT&W") == b"AT&W\r\r\nOK\r\n"
        simulator.reboot()
        assert simulator.message_indications == (2, 2, 0, 0, 0)  # as saved
        simulator.receive_sms("+919900011122", "Hi\nthere")
        pushed = b'\r\n+CMT: "+919900011122","","26/11/26,10:15:02+22"\r\nHi\nthere\r\n'
        assert await reader.readuntil(b"there\r\n") == pushed
        assert await command(reader, writer, "AT+CSDH=1") == b"AT+CSDH=1\r\r\nOK\r\n"
        simulator.receive_sms("+919900011122", "Hi")
        header = b'+CMT: "+919900011122","","26/11/26,10:15:02+22",145,4,0,0,"+919800000000",145,2'
        assert await reader.readuntil(b"Hi\r\n") == b"\r\n" + header + b"\r\nHi\r\n"
    finally:
        await close(writer)
    assert simulator.stored_sms == [("+919900011122", "Hello")]


async def test_commands_after_a_message_are_read_as_commands(simulator: ModemSimulator):
    reader, writer = await open_port(simulator.port)
    try:
        writer.write(b'AT+CMGS="+919812345678"\r')
        await reader.readuntil(b"> ")
        writer.write(b"Hello\x1aAT+CFUN=0\r")
        await simulator.wait_for_command("AT+CFUN=0")
    finally:
        await close(writer)
    assert simulator.sent_sms == [("+919812345678", "Hello")]
