// The text of `npm run -s stepwise -- help` (README "Command line" says the same).
export const HELP = `Stepwise command line: run it in the app folder with the server's environment (DATABASE_URL, …).

  npm run -s stepwise -- <command> [flags]

Users
  user add --email E --password P --role admin|operator|viewer|owner [--name N]
  user list [--json]
  user set-role --email E --role owner|admin|operator|viewer
  user disable --email E          ends the user's sessions; they cannot sign in
  user enable --email E
  user reset-password --email E --password P
                                  ends the user's sessions (two-factor stays as it is)
  user reset-2fa --email E        turns off two-factor sign-in (lost device and codes); ends their sessions
API tokens (Authorization: Bearer <token>)
  token create --name N --role admin|operator|viewer [--expires 2027-01-31 | 2027-01-31T18:00:00Z]
                                  prints the new token alone as the last line of stdout; it is shown once
  token list [--json]
  token revoke --id ID
Secrets
  rotate-secret [--new B64] [--old B64]
                                  re-encrypts every stored site key under a new secret (default: a fresh
                                  random one); stop the web server and workers first. With the key file it is
                                  replaced (the old one kept beside it); with STEPWISE_SECRET_KEY the new
                                  secret is printed as the last line of stdout
Other
  help

--password - reads the password from the first line of stdin (keeps it out of the shell history).
Passwords need at least 10 characters. A date for --expires means 00:00 UTC that day.
The command line acts with the owner's rights: whoever runs it holds the server and its database.
Exit status: 0 done, 2 bad input (one line on stderr naming the flag), 1 the command failed.
`
