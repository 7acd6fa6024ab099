// Help texts of the inputs and outputs of the vertex_notification_email components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.vertex_notification_email.VertexNotificationEmailOp': {
    recipients: 'Email addresses to notify (at most three).',
    pipeline_task_final_status: 'Final status of the run; filled in automatically inside an exit handler.',
  },
};
