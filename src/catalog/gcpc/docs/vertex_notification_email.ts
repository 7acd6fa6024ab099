import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.vertex_notification_email.VertexNotificationEmailOp': {
    title: 'Email notification',
    summary:
      'Emails the final status of the pipeline run to a few people. Put it in an exit handler so it also runs when the pipeline fails.',
  },
};
