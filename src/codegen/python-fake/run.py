"""Runs generated pipeline files against the recording stand-in; prints one JSON list.

Usage: python3 run.py <file.py> ...  (the stand-in packages must be on PYTHONPATH)
"""
import json
import runpy
import sys
import traceback

from kfp import _recorder

results = []
for path in sys.argv[1:]:
    _recorder.reset()
    try:
        runpy.run_path(path, run_name='__main__')
        results.append({'file': path, 'ok': True, 'recording': json.loads(json.dumps(_recorder.STATE))})
    except Exception:  # noqa: BLE001 - reported to the test
        results.append({'file': path, 'ok': False, 'error': traceback.format_exc()})
json.dump(results, sys.stdout)
