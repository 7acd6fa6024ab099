"""`kfp.compiler.Compiler` that records the compile call."""
from kfp import _recorder


class Compiler:

    def compile(self, pipeline_func, package_path, pipeline_name=None, pipeline_parameters=None, type_check=True):
        if not isinstance(pipeline_func, _recorder.PipelineFunction):
            raise TypeError(f'pipeline_func must be a @dsl.pipeline function, got {pipeline_func!r}.')
        _recorder.STATE['compiles'].append({'pipeline': pipeline_func.name, 'package_path': package_path})
