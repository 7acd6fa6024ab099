import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.vertex_notification_email.VertexNotificationEmailOp': {
    title: 'Email notification',
    summary:
      'Emails the final status of the pipeline run to a few people. Put it in an exit handler so it also runs when the pipeline fails.',
    help: {
      recipients: 'Email addresses to notify (at most three).',
      pipeline_task_final_status: 'Final status of the run; filled in automatically inside an exit handler.',
    },
  },
};
