import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.wait_gcp_resources.WaitGcpResourcesOp': {
    title: 'Wait for cloud job',
    summary:
      'Waits until a long-running cloud job started by an earlier step (today a Dataflow job) has finished, and fails if that job fails.',
  },
};
