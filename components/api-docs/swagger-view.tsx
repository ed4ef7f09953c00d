'use client'
// The renderer itself, in its own chunk: only the API page loads swagger-ui (about 1 MB), and its
// styles come from the package, not a CDN.
import SwaggerUI from 'swagger-ui-react'
import 'swagger-ui-react/swagger-ui.css'

export default function SwaggerView({ spec }: { spec: object }) {
  // "Try it out" calls the API from this page with the session cookie, so it acts as the signed-in user.
  return <SwaggerUI spec={spec} docExpansion="list" defaultModelsExpandDepth={0} deepLinking persistAuthorization />
}
