// Help texts of the inputs and outputs of the wait_gcp_resources components, in our own words (see ../help-texts.ts).
export const help: Record<string, Record<string, string>> = {
  'v1.wait_gcp_resources.WaitGcpResourcesOp': {
    gcp_resources: 'Input: the gcp_resources output of the step that started the job. Output: reference for this wait.',
  },
};
