// Non-JSON pages the real stacks answer with (fixtures/akeeba-joomla/01, 07; akeeba-protocol.md §9).
import type { JunkKind, Persona } from './types'

/** Joomla's "The application has stopped responding" body, byte for byte (fixture joomla/07, 311 chars). */
export const JOOMLA_STOPPED =
  '\n\t\t\t<div class="card">\n\t\t\t<h1 class="card-header bg-danger text-white">The application has stopped responding</h1>\n\t\t\t<div class="card-body">\n\t\t\t\t<p>\n\t\t\t\t\tPlease contact the administrator of the site and let them know of this error and what you were doing when this\n\t\t\t\t\thappened.\n\t\t\t\t</p>\n\t\t\t</div>\n\t\t</div>\n\t\t'

export const WP_CRITICAL =
  '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n\t<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n\t<meta name="viewport" content="width=device-width, initial-scale=1.0">\n\t<meta name=\'robots\' content=\'max-image-preview:large, noindex, follow\' />\n\t<title>WordPress &rsaquo; Error</title>\n</head>\n<body id="error-page">\n\t<div class="wp-die-message"><p>There has been a critical error on this website.</p><p><a href="https://wordpress.org/documentation/article/faq-troubleshooting/">Learn more about troubleshooting WordPress.</a></p></div></body>\n</html>\n\t'

export const GATEWAY_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

export function joomlaErrorDoc(code: number): string {
  return `<!DOCTYPE html>\n<html lang="en-gb" dir="ltr">\n<head>\n    <meta charset="utf-8">\n\t<meta name="viewport" content="width=device-width, initial-scale=1">\n\t<meta name="generator" content="Joomla! - Open Source Content Management">\n\t<title>Error: ${code}</title>\n</head>\n<body class="error-page">\n\t<h1 class="page-header">${code === 404 ? 'Page not found' : 'You are not permitted to use that link to directly access that page'}</h1>\n\t<blockquote><span class="badge bg-secondary">${code}</span> ${code === 404 ? 'Page not found' : 'Forbidden'}</blockquote>\n</body>\n</html>\n`
}

export function siteHomePage(persona: Persona, name: string): string {
  const gen = persona === 'wordpress' ? 'WordPress 6.9.4' : 'Joomla! - Open Source Content Management'
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="generator" content="${gen}">\n<title>${name}</title>\n</head>\n<body>\n<h1>${name}</h1>\n<p>Just another website.</p>\n</body>\n</html>\n`
}

export function wp404Page(): string {
  return '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n<title>Page not found</title>\n</head>\n<body class="error404">\n<h1 class="page-title">Oops! That page can&rsquo;t be found.</h1>\n</body>\n</html>\n'
}

const PHP_NOTICE =
  '<br />\n<b>Deprecated</b>:  Creation of dynamic property PlgSystemLegacyhelper::$app is deprecated in <b>/var/www/example/plugins/system/legacyhelper/legacyhelper.php</b> on line <b>27</b><br />\n'
const TRAILING =
  '\n<!-- Performance optimized by W3 Total Cache. Page generated in 0.142 seconds -->\n</body>\n</html>\n'

/** Wraps a JSON body in the junk real hosts add (akeeba-protocol.md §8.5, §11). */
export function withJunk(body: string, junk: JunkKind | undefined): string {
  switch (junk) {
    case 'bom':
      return '\ufeff' + body
    case 'php-notice':
      return PHP_NOTICE + body
    case 'trailing-html':
      return body + TRAILING
    case 'both':
      return PHP_NOTICE + body + TRAILING
    default:
      return body
  }
}
