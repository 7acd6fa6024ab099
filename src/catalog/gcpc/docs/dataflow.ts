import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.dataflow.DataflowFlexTemplateJobOp': {
    title: 'Dataflow Flex Template job',
    summary:
      'Launches a Dataflow pipeline that was packaged as a Flex Template, handing it the parameters you set. Good for reusing ready-made data processing jobs.',
  },
  'v1.dataflow.DataflowPythonJobOp': {
    title: 'Dataflow Python job',
    summary: 'Runs an Apache Beam program written in Python on Dataflow, for example to prepare large amounts of data.',
  },
};
