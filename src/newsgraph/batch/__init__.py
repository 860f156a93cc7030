"""Batch processing without a database: part files of results and rejections (written by the
Spark job in ``batch/spark.py``), and loading them into a store."""

from newsgraph.batch.load import load_parts
from newsgraph.batch.parts import part_rows, read_manifest, read_parts

__all__ = ["load_parts", "part_rows", "read_manifest", "read_parts"]
