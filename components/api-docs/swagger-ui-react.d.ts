// swagger-ui-react ships no types (DefinitelyTyped's lag behind 5.x); only the props we pass.
declare module 'swagger-ui-react' {
  import type { ComponentType } from 'react'

  interface SwaggerUIProps {
    spec?: object
    docExpansion?: 'list' | 'full' | 'none'
    defaultModelsExpandDepth?: number
    deepLinking?: boolean
    tryItOutEnabled?: boolean
    persistAuthorization?: boolean
    supportedSubmitMethods?: string[]
  }

  const SwaggerUI: ComponentType<SwaggerUIProps>
  export default SwaggerUI
}
