"""Starts Ralph (PyPI `ralph-malph`), a real xAPI LRS, on the loopback with its filesystem
backend, for the LRS tests: `python ralph_lrs.py PORT` (RALPH_APP_DIR holds auth.json,
RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH the statements).

One change to Ralph 5.1, and only for this backend: its LRS filesystem backend writes its one
statements file with the data backend's default operation, CREATE, which refuses an existing
file, so only the first POST is ever stored and every later one fails with HTTP 500 ("already
exists and overwrite is not allowed"). Here it writes with APPEND, which the data backend
supports; queries, duplicate checks, auth and validation are Ralph's own.
"""

import os
import sys

os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

_write = FSLRSBackend.write


def _append(self, data, target=None, chunk_size=None, ignore_errors=False, operation_type=None):
    return _write(self, data, target, chunk_size, ignore_errors, operation_type or BaseOperationType.APPEND)


FSLRSBackend.write = _append

import uvicorn  # noqa: E402

if __name__ == "__main__":
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
