#!/usr/bin/env python3
"""A TCP proxy for tests: forwards 127.0.0.1:<free port> to HOST:PORT and prints the port.

Killing it closes every connection and refuses new ones, as a database server that goes away
would (PostgresStoreTests uses it to stop "the server" under one store only).
"""
import asyncio
import sys

HOST, PORT = sys.argv[1], int(sys.argv[2])


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(HOST, PORT)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
