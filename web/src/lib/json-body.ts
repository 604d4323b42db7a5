/** The JSON request body of an operation in the generated schema, e.g. `JsonBody<paths['/api/v1/quotes']['post']>`. */
export type JsonBody<T> = T extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;
