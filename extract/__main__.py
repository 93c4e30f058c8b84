from vnplan.cli import run

run()
