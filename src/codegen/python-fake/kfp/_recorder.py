"""The recording machinery behind the stand-in `kfp` package.

Everything a pipeline function does is written into STATE (plain JSON):
  pipelines: the @dsl.pipeline calls (name, options, parameters, outputs)
  tasks:     every component call, in creation order, with its task key, its component,
             its arguments (encoded, see `encode`), its options and its group
  groups:    every `with` block, in the order it was entered, with its parent
  components: the @dsl.container_component definitions (signature and ContainerSpec)
  loaded:    the specs read by components.load_component_from_text
  compiles:  the compiler.Compiler().compile calls
"""
import inspect
import json
import os
import re
import typing

STATE = {}
_TOKENS = {}
_STACK = []
_LAST = {}


def reset():
    STATE.clear()
    STATE.update(pipelines=[], tasks=[], groups=[], components={}, loaded=[], compiles=[])
    _TOKENS.clear()
    _STACK.clear()
    _LAST.clear()


reset()


def sanitize(name):
    """KFP's task-name rule: lower case, runs of other characters become '-', trimmed."""
    return re.sub('-+', '-', re.sub('[^-0-9a-z]+', '-', name.lower())).strip('-')


def function_component_name(function_name):
    """KFP's _python_function_name_to_component_name, sanitized."""
    return sanitize(re.sub(' +', ' ', function_name.replace('_', ' ')).strip(' '))


def _current_group():
    return _STACK[-1] if _STACK else None


def _unique_key(base):
    taken = {t['key'] for t in STATE['tasks']}
    if base not in taken:
        return base
    n = 2
    while f'{base}-{n}' in taken:
        n += 1
    return f'{base}-{n}'


# ---------------------------------------------------------------- artifacts and annotations


class Artifact:
    schema_title = 'system.Artifact'
    schema_version = '0.0.1'


class Dataset(Artifact):
    schema_title = 'system.Dataset'


class Model(Artifact):
    schema_title = 'system.Model'


class Metrics(Artifact):
    schema_title = 'system.Metrics'


class ClassificationMetrics(Artifact):
    schema_title = 'system.ClassificationMetrics'


class SlicedClassificationMetrics(Artifact):
    schema_title = 'system.SlicedClassificationMetrics'


class HTML(Artifact):
    schema_title = 'system.HTML'


class Markdown(Artifact):
    schema_title = 'system.Markdown'


class PipelineTaskFinalStatus:
    pass


class _InputMarker:
    pass


class _OutputMarker:
    pass


_T = typing.TypeVar('_T')
Input = typing.Annotated[_T, _InputMarker]
Output = typing.Annotated[_T, _OutputMarker]


class OutputPath:

    def __init__(self, type_):
        self.type = type_


class InputPath:

    def __init__(self, type_):
        self.type = type_


_PARAMETER_TYPES = {str: 'STRING', int: 'NUMBER_INTEGER', float: 'NUMBER_DOUBLE', bool: 'BOOLEAN', dict: 'STRUCT', list: 'LIST'}


def describe_type(annotation):
    """An annotation as JSON: a parameter type name, an artifact type, or a list of either."""
    if annotation is inspect.Parameter.empty:
        raise TypeError('Every parameter of a component or pipeline needs a type annotation.')
    if annotation in _PARAMETER_TYPES:
        return _PARAMETER_TYPES[annotation]
    if annotation is PipelineTaskFinalStatus:
        return 'TASK_FINAL_STATUS'
    if isinstance(annotation, type) and issubclass(annotation, Artifact):
        return {'schemaTitle': annotation.schema_title, 'schemaVersion': annotation.schema_version}
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list:
        return {'list': describe_type(args[0])} if args else 'LIST'
    if origin is dict:
        return 'STRUCT'
    if origin is typing.Union and type(None) in args:
        inner = [a for a in args if a is not type(None)]
        return {'optional': describe_type(inner[0])}
    if hasattr(annotation, '_fields'):
        hints = typing.get_type_hints(annotation)
        return {'namedTuple': [[f, describe_type(hints[f])] for f in annotation._fields]}
    raise TypeError(f'Unsupported annotation {annotation!r}.')


def _io_kind(annotation):
    """('input' | 'output' | None, inner annotation, optional) of a component parameter."""
    optional = False
    if typing.get_origin(annotation) is typing.Union and type(None) in typing.get_args(annotation):
        optional = True
        annotation = [a for a in typing.get_args(annotation) if a is not type(None)][0]
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *marks = typing.get_args(annotation)
        if _OutputMarker in marks:
            return 'output', inner, optional
        if _InputMarker in marks:
            return 'input', inner, optional
    return None, annotation, optional


# ---------------------------------------------------------------- channels


class Channel:
    __hash__ = object.__hash__

    def _token(self):
        token = f'{{{{fake-channel:{len(_TOKENS)}}}}}'
        _TOKENS[token] = self
        return token

    def __str__(self):
        return self._token()

    def __format__(self, spec):
        return self._token()

    def __bool__(self):
        raise TypeError('A run-time value has no truth value; use dsl.If.')

    def _compare(self, op, other):
        return ConditionOperation(op, self, other)

    def __eq__(self, other):
        return self._compare('==', other)

    def __ne__(self, other):
        return self._compare('!=', other)

    def __lt__(self, other):
        return self._compare('<', other)

    def __le__(self, other):
        return self._compare('<=', other)

    def __gt__(self, other):
        return self._compare('>', other)

    def __ge__(self, other):
        return self._compare('>=', other)


class ParameterChannel(Channel):

    def __init__(self, name):
        self.name = name

    def source(self):
        return {'parameter': self.name}


class OutputChannel(Channel):

    def __init__(self, task, output):
        self.task = task
        self.output = output

    def source(self):
        return {'task': self.task.key, 'output': self.output}


class LoopItem(Channel):

    def __init__(self, group):
        self._group = group

    def source(self):
        return {'loopItem': self._group}

    def __getattr__(self, field):
        if field.startswith('__'):
            raise AttributeError(field)
        return LoopField(self._group, field)


class LoopField(Channel):

    def __init__(self, group, field):
        self.group = group
        self.field = field

    def source(self):
        return {'loopItem': self.group, 'field': self.field}


class Collected(Channel):

    def __init__(self, output):
        if not isinstance(output, OutputChannel):
            raise TypeError('dsl.Collected takes the output of a task.')
        self.output = output

    def source(self):
        return {**self.output.source(), 'collected': True}


class OneOf(Channel):

    def __init__(self, *channels):
        if len(channels) < 2 or not all(isinstance(c, OutputChannel) for c in channels):
            raise TypeError('dsl.OneOf takes two or more task outputs.')
        self.channels = channels

    def source(self):
        return {'oneOf': [c.source() for c in self.channels]}


class ConditionOperation:

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def describe(self):
        return {'operator': self.op, 'left': encode(self.left), 'right': encode(self.right)}


_TOKEN_RE = re.compile(r'\{\{fake-channel:\d+\}\}')


def _plain(value):
    if isinstance(value, Channel):
        raise TypeError('A run-time value cannot sit inside a list or dict constant.')
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def encode(value):
    """A task argument or condition operand as JSON (run-time values by their source)."""
    if isinstance(value, Channel):
        return value.source()
    if isinstance(value, str) and _TOKEN_RE.search(value):
        parts = []
        pos = 0
        for m in _TOKEN_RE.finditer(value):
            if m.start() > pos:
                parts.append(value[pos:m.start()])
            parts.append(_TOKENS[m.group(0)].source())
            pos = m.end()
        if pos < len(value):
            parts.append(value[pos:])
        return {'template': parts}
    py = type(value).__name__
    return {'constant': _plain(value), 'py': py}


# ---------------------------------------------------------------- tasks and components


class Task:

    def __init__(self, component, arguments, record_inputs=None):
        for name in arguments:
            if name not in component.inputs:
                raise TypeError(f'{component.key}() got an unexpected keyword argument {name!r}.')
        for name, optional in component.inputs.items():
            if not optional and name not in arguments:
                raise TypeError(f'{component.key}() is missing the required input {name!r}.')
        group = _current_group()
        self.key = _unique_key(component.key)
        self.group = group
        self.record = {
            'key': self.key,
            'component': component.ref,
            'inputs': record_inputs if record_inputs is not None else {k: encode(v) for k, v in arguments.items()},
            'group': group,
            'options': {},
        }
        STATE['tasks'].append(self.record)
        _LAST[group] = 'task'
        self.outputs = {name: OutputChannel(self, name) for name in component.outputs}

    @property
    def output(self):
        if len(self.outputs) != 1:
            raise AttributeError(f'{self.key} has {len(self.outputs)} outputs; use .outputs[...].')
        return next(iter(self.outputs.values()))

    def _set(self, key, value):
        self.record['options'][key] = value
        return self

    def set_display_name(self, name):
        return self._set('display_name', name)

    def set_caching_options(self, enable_caching, cache_key=None):
        return self._set('caching', enable_caching)

    def set_retry(self, num_retries, backoff_duration=None, backoff_factor=None, backoff_max_duration=None):
        retry = {'num_retries': num_retries}
        if backoff_duration is not None:
            retry['backoff_duration'] = backoff_duration
        if backoff_factor is not None:
            retry['backoff_factor'] = backoff_factor
        if backoff_max_duration is not None:
            retry['backoff_max_duration'] = backoff_max_duration
        return self._set('retry', retry)

    def after(self, *tasks):
        for t in tasks:
            if not isinstance(t, Task):
                raise TypeError('.after() takes tasks.')
        self.record['options'].setdefault('after', []).extend(t.key for t in tasks)
        return self

    def set_cpu_request(self, cpu):
        return self._set('cpu_request', cpu)

    def set_cpu_limit(self, cpu):
        return self._set('cpu_limit', cpu)

    def set_memory_request(self, memory):
        return self._set('memory_request', memory)

    def set_memory_limit(self, memory):
        return self._set('memory_limit', memory)

    def set_accelerator_type(self, accelerator):
        return self._set('accelerator_type', accelerator)

    def set_accelerator_limit(self, limit):
        return self._set('accelerator_limit', limit)

    def set_env_variable(self, name, value):
        self.record['options'].setdefault('env', []).append([name, value])
        return self

    def ignore_upstream_failure(self):
        return self._set('ignore_upstream_failure', True)


class Component:

    def __init__(self, ref, name, inputs, outputs):
        self.ref = ref
        self.key = sanitize(name)
        self.inputs = inputs
        self.outputs = outputs

    def __call__(self, *args, **kwargs):
        if args:
            raise TypeError('Components take keyword arguments only.')
        return Task(self, kwargs)


_INTERFACES = None


def gcpc_op(component_id):
    """A GCPC component object, from the interfaces written next to the stand-in package."""
    global _INTERFACES
    if _INTERFACES is None:
        import google_cloud_pipeline_components as gcpc
        with open(os.path.join(os.path.dirname(gcpc.__file__), '_interfaces.json'), encoding='utf-8') as f:
            _INTERFACES = json.load(f)
    spec = _INTERFACES[component_id]
    return Component({'kind': 'gcpc', 'id': component_id}, spec['name'], spec['inputs'], spec['outputs'])


class _Placeholder:

    def __init__(self, kind, name, key=None):
        self.kind = kind
        self.name = name
        self.key = key

    def describe(self):
        out = {self.kind: self.name}
        if self.key is not None:
            out['key'] = self.key
        return out


class _ArtifactPlaceholder:

    def __init__(self, io, name):
        self._io = io
        self._name = name

    def __getattr__(self, attr):
        kinds = {'path': 'Path', 'uri': 'Uri', 'metadata': 'Metadata'}
        if attr not in kinds:
            raise AttributeError(f'Cannot access artifact attribute "{attr}".')
        placeholder = _Placeholder(f'{self._io}{kinds[attr]}', self._name)
        if attr == 'metadata':
            return _MetadataPlaceholder(placeholder)
        return placeholder


class _MetadataPlaceholder(_Placeholder):

    def __init__(self, placeholder):
        super().__init__(placeholder.kind, placeholder.name)

    def __getitem__(self, key):
        return _Placeholder(self.kind, self.name, key)


class ConcatPlaceholder:

    def __init__(self, items):
        self.items = items


class IfPresentPlaceholder:

    def __init__(self, input_name, then, else_=None):
        self.input_name = input_name
        self.then = then
        self.else_ = else_


class ContainerSpec:

    def __init__(self, image, command=None, args=None):
        self.image = image
        self.command = command
        self.args = args


def _command_line(item):
    if isinstance(item, str):
        return item
    if isinstance(item, _Placeholder):
        return item.describe()
    if isinstance(item, ConcatPlaceholder):
        return {'concat': [_command_line(i) for i in item.items]}
    if isinstance(item, IfPresentPlaceholder):
        branch = lambda b: [_command_line(i) for i in b] if isinstance(b, list) else _command_line(b)  # noqa: E731
        out = {'input': item.input_name, 'then': branch(item.then)}
        if item.else_ is not None:
            out['else'] = branch(item.else_)
        return {'ifPresent': out}
    raise TypeError(f'Unexpected command-line element {item!r}.')


def container_component(func):
    """Records the component's signature and ContainerSpec; returns a component object."""
    signature = inspect.signature(func)
    inputs, outputs, arguments, optional_inputs, output_names = [], [], {}, {}, []
    for p in signature.parameters.values():
        io, inner, optional = _io_kind(p.annotation)
        if io == 'output' or isinstance(inner, OutputPath):
            if isinstance(inner, OutputPath):
                outputs.append({'name': p.name, 'type': describe_type(inner.type)})
                arguments[p.name] = _Placeholder('outputPath', p.name)
            else:
                outputs.append({'name': p.name, 'type': describe_type(inner)})
                arguments[p.name] = _ArtifactPlaceholder('output', p.name)
            output_names.append(p.name)
            continue
        entry = {'name': p.name, 'type': describe_type(inner)}
        if optional:
            entry['optional'] = True
        if p.default is not inspect.Parameter.empty:
            entry['default'] = p.default
            entry['default_py'] = type(p.default).__name__
        inputs.append(entry)
        is_status = inner is PipelineTaskFinalStatus
        optional_inputs[p.name] = optional or is_status or p.default is not inspect.Parameter.empty
        arguments[p.name] = _ArtifactPlaceholder('input', p.name) if io == 'input' else _Placeholder('inputValue', p.name)
    spec = func(**arguments)
    if not isinstance(spec, ContainerSpec):
        raise TypeError('A container component must return dsl.ContainerSpec.')
    name = function_component_name(func.__name__)
    STATE['components'][func.__name__] = {
        'name': name,
        'description': inspect.getdoc(func),
        'inputs': inputs,
        'outputs': outputs,
        'image': spec.image,
        'command': [_command_line(i) for i in spec.command or []],
        'args': [_command_line(i) for i in spec.args or []],
    }
    return Component({'kind': 'container', 'function': func.__name__}, name, optional_inputs, output_names)


def load_component_from_text(text):
    import yaml  # what KFP reads component files with
    spec = yaml.safe_load(text)
    raw_name = spec['pipelineInfo']['name']
    key = sanitize(raw_name)
    component = spec['components'].get(f'comp-{key}', spec['root'])
    defs_in = component.get('inputDefinitions', {})
    defs_out = component.get('outputDefinitions', {})
    inputs = {}
    for group in ('parameters', 'artifacts'):
        for name, d in defs_in.get(group, {}).items():
            inputs[name] = bool(d.get('isOptional')) or 'defaultValue' in d or d.get('parameterType') == 'TASK_FINAL_STATUS'
    outputs = list(defs_out.get('parameters', {})) + list(defs_out.get('artifacts', {}))
    single = f'exec-{key}' in spec['deploymentSpec']['executors']
    STATE['loaded'].append({'name': raw_name, 'single': single, 'spec': spec})
    return Component({'kind': 'loaded', 'index': len(STATE['loaded']) - 1}, raw_name, inputs, outputs)


def importer(artifact_uri, artifact_class, reimport=False, metadata=None, download_to_workspace=False):
    component = Component({'kind': 'importer'}, 'importer', {}, ['artifact'])
    task = Task(component, {}, record_inputs={'uri': encode(artifact_uri)})
    task.record['importer'] = {
        'artifactType': describe_type(artifact_class),
        'reimport': reimport,
        'metadata': metadata,
        'downloadToWorkspace': download_to_workspace,
    }
    return task


# ---------------------------------------------------------------- groups


class _Group:
    kind = None

    def __init__(self, name=None, **fields):
        self.index = None
        self.record = {'kind': self.kind, 'name': name, **fields}

    def __enter__(self):
        self.parent = _current_group()
        self._check()
        self.index = len(STATE['groups'])
        self.record['parent'] = self.parent
        STATE['groups'].append(self.record)
        _STACK.append(self.index)
        return self._value()

    def __exit__(self, *exc):
        _STACK.pop()
        _LAST[self.parent] = self.kind
        return False

    def _check(self):
        pass

    def _value(self):
        return self


def _condition(condition):
    if not isinstance(condition, ConditionOperation):
        raise TypeError(f'A condition must compare a run-time value, got {condition!r}.')
    return condition.describe()


class If(_Group):
    kind = 'if'

    def __init__(self, condition, name=None):
        super().__init__(name, condition=_condition(condition))


class Condition(If):
    kind = 'condition'


class Elif(_Group):
    kind = 'elif'

    def __init__(self, condition, name=None):
        super().__init__(name, condition=_condition(condition))

    def _check(self):
        if _LAST.get(self.parent) not in ('if', 'elif'):
            raise ValueError(f'dsl.{type(self).__name__} can only follow a dsl.If or dsl.Elif.')


class Else(Elif):
    kind = 'else'

    def __init__(self, name=None):
        _Group.__init__(self, name)


class ParallelFor(_Group):
    kind = 'loop'

    def __init__(self, items, parallelism=None, name=None):
        super().__init__(name, items=encode(items), parallelism=parallelism)

    def _value(self):
        return LoopItem(self.index)


class ExitHandler(_Group):
    kind = 'exit'

    def __init__(self, exit_task, name=None):
        if not isinstance(exit_task, Task):
            raise TypeError('The exit task must be a task.')
        super().__init__(name, exit_task=exit_task.key)
        self.exit_task = exit_task

    def _check(self):
        if self.parent is not None or self.exit_task.group is not None:
            raise ValueError('ExitHandler and its exit task must be at the top level of the pipeline.')


# ---------------------------------------------------------------- pipelines


class PipelineFunction:

    def __init__(self, name):
        self.name = name


def pipeline(func=None, *, name=None, description=None, pipeline_root=None, display_name=None, pipeline_config=None):

    def decorate(f):
        signature = inspect.signature(f)
        parameters, arguments = [], {}
        for p in signature.parameters.values():
            io, inner, optional = _io_kind(p.annotation)
            if io == 'input':
                entry = {'name': p.name, 'artifact': describe_type(inner), 'optional': optional}
            elif io is not None:
                raise TypeError('A pipeline takes no Output[...] parameters.')
            else:
                entry = {'name': p.name, 'type': describe_type(p.annotation)}
            if p.default is not inspect.Parameter.empty:
                entry['default'] = p.default
                entry['default_py'] = type(p.default).__name__
            parameters.append(entry)
            arguments[p.name] = ParameterChannel(p.name)
        record = {
            'name': name if name is not None else f.__name__,
            'description': description,
            'display_name': display_name,
            'pipeline_root': pipeline_root,
            'parameters': parameters,
            'docstring': inspect.getdoc(f),
        }
        returned = f(**arguments)
        if signature.return_annotation is not inspect.Signature.empty:
            record['output_type'] = describe_type(signature.return_annotation)
        if returned is not None:
            if hasattr(returned, '_asdict'):
                record['outputs'] = {k: encode(v) for k, v in returned._asdict().items()}
            else:
                record['outputs'] = {'Output': encode(returned)}
        STATE['pipelines'].append(record)
        return PipelineFunction(record['name'])

    return decorate(func) if func is not None else decorate
