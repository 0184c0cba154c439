/**
 * Function file of the ribbon (manifest FunctionFile → commands.html). Both ribbon buttons are
 * ShowTaskpane actions, so no function is associated yet; ExecuteFunction buttons added later
 * register here with Office.actions.associate(name, handler).
 */

/** Ribbon functions by the FunctionName the manifest gives them. */
export const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

export function registerCommands(office: Pick<typeof Office, 'actions'>): string[] {
  for (const [name, handler] of Object.entries(COMMANDS)) office.actions.associate(name, handler);
  return Object.keys(COMMANDS);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerCommands(Office);
  });
}
