import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.dataproc.DataprocPySparkBatchOp': {
    title: 'Dataproc PySpark batch',
    summary: 'Runs a PySpark program on Dataproc Serverless, so you get Spark without creating or managing a cluster.',
  },
  'v1.dataproc.DataprocSparkBatchOp': {
    title: 'Dataproc Spark batch',
    summary: 'Runs a Spark application written in Java or Scala on Dataproc Serverless, without a cluster to manage.',
  },
  'v1.dataproc.DataprocSparkRBatchOp': {
    title: 'Dataproc SparkR batch',
    summary: 'Runs a SparkR script on Dataproc Serverless, to process big data from R without a cluster.',
  },
  'v1.dataproc.DataprocSparkSqlBatchOp': {
    title: 'Dataproc Spark SQL batch',
    summary: 'Runs a file of Spark SQL statements on Dataproc Serverless.',
  },
};
