"""The desk's Voilà server, run in the ``kamlab desk`` process (:func:`kamlab.desk.launch.serve`).

Voilà as shipped, with four changes made through its own extension points:

- it serves on a socket the launcher has already bound (no port race, and a taken port is
  the launcher's one Chinese line, not Voilà's English CRITICAL);
- the terminal stays quiet: the web server's access and general logs are off, and kernels
  write their output to a log file in the server's temporary folder, not the terminal
  (kamlab's own errors are shown in the page);
- a page's kernel is shut down when the page goes (Voilà's unload beacon), a few seconds
  later rather than at once, so what the page sent as it closed (a score typed without
  Enter) is handled first;
- stopped by SIGTERM or Ctrl+C, it shuts every kernel down (Voilà's own ``stop``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
from typing import Any

import tornado.httpserver
import tornado.ioloop
import tornado.web
from jupyter_core.utils import ensure_async
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from voila.app import Voila
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler

#: Seconds a closed page's kernel is given to handle what the page sent last.
GRACE = 3.0


class DeskKernels(AsyncMappingKernelManager):
    """Kernels whose output goes to ``kernels.log`` in the server's folder, not the terminal."""

    async def _async_start_kernel(self, **kwargs: Any) -> str:
        try:
            log = open(os.path.join(self.connection_dir, "kernels.log"), "ab")  # noqa: SIM115 - the kernel's
        except OSError:
            log = subprocess.DEVNULL
        kwargs.setdefault("stdout", log)
        kwargs.setdefault("stderr", log)
        try:
            return await super()._async_start_kernel(**kwargs)
        finally:
            if log is not subprocess.DEVNULL:
                log.close()  # the kernel holds its own copy

    start_kernel = _async_start_kernel


class ShutdownSoon(VoilaShutdownKernelHandler):
    """Voilà's unload beacon: shut the page's kernel down after :data:`GRACE` seconds.

    Voilà's page sends the ``_xsrf`` cookie's value with the beacon, but the page never gets
    that cookie, so Voilà's own handler refused every beacon (403) and kernels piled up until
    the server stopped. The kernel id (a random UUID only its page knows) is what the request
    must carry here; an unknown id is 404."""

    def check_xsrf_cookie(self) -> None:
        return None

    @tornado.web.authenticated
    async def post(self, kernel_id: str) -> None:
        manager = self.kernel_manager
        if kernel_id not in manager:
            raise tornado.web.HTTPError(404)

        async def later() -> None:
            await asyncio.sleep(GRACE)
            if kernel_id in manager:
                await ensure_async(manager.shutdown_kernel(kernel_id))

        asyncio.get_running_loop().create_task(later())
        self.set_status(204)
        self.finish()


class DeskServer(Voila):
    """Voilà serving on an inherited listening socket (``listen_fd``)."""

    listen_fd: int | None = None

    def start(self) -> None:
        # Jupyter's websocket asks for a 90 s ping timeout, which tornado refuses (and says so in
        # English on the terminal): keep it at the ping interval.
        self.tornado_settings = {**self.tornado_settings, "ws_ping_timeout": 30_000}
        super().start()

    def init_handlers(self) -> list:
        return [(route, ShutdownSoon, *rest) if handler is VoilaShutdownKernelHandler else (route, handler, *rest)
                for route, handler, *rest in super().init_handlers()]

    def listen(self) -> None:
        for name in ("tornado.access", "tornado.general", "tornado.application"):
            logging.getLogger(name).setLevel(logging.ERROR)
        if self.listen_fd is None:
            return super().listen()
        sock = socket.socket(fileno=self.listen_fd)
        sock.setblocking(False)
        self.port = sock.getsockname()[1]
        tornado.httpserver.HTTPServer(self.app).add_sockets([sock])
        self.ioloop = tornado.ioloop.IOLoop.current()
        try:
            self.ioloop.start()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()  # every kernel is shut down
