package org.neurograph.ui.internal.app;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.neurograph.ui.NeurographUi;

/** The menus: File, Edit, Window and Help. Key bindings come with the commands (plugin.xml). */
public class NeurographActionBarAdvisor extends ActionBarAdvisor {
	private IWorkbenchWindow window;

	public NeurographActionBarAdvisor(IActionBarConfigurer configurer) {
		super(configurer);
	}

	@Override
	protected void makeActions(IWorkbenchWindow workbenchWindow) {
		this.window = workbenchWindow;
		registered(ActionFactory.NEW.create(window)).setText("&New...");
		register(ActionFactory.IMPORT.create(window));
		register(ActionFactory.REFRESH.create(window));
		register(ActionFactory.PROPERTIES.create(window));
		registered(ActionFactory.QUIT.create(window)).setText("&Quit");
		for (ActionFactory edit : new ActionFactory[] { ActionFactory.UNDO, ActionFactory.REDO, ActionFactory.CUT,
				ActionFactory.COPY, ActionFactory.PASTE, ActionFactory.DELETE, ActionFactory.SELECT_ALL }) {
			register(edit.create(window));
		}
		register(ActionFactory.RESET_PERSPECTIVE.create(window));
		register(ActionFactory.PREFERENCES.create(window));
		registered(ActionFactory.ABOUT.create(window)).setText("&About Neurograph");
	}

	private IAction registered(IAction action) {
		register(action);
		return action;
	}

	@Override
	protected void fillMenuBar(IMenuManager menuBar) {
		menuBar.add(fileMenu());
		menuBar.add(editMenu());
		menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menuBar.add(windowMenu());
		menuBar.add(helpMenu());
	}

	private MenuManager fileMenu() {
		MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
		file.add(command(NeurographUi.NEW_PROJECT_COMMAND_ID, "New Neurograph &Project..."));
		file.add(action(ActionFactory.NEW));
		file.add(new GroupMarker(IWorkbenchActionConstants.NEW_EXT));
		file.add(new Separator());
		file.add(command(NeurographUi.IMPORT_DATASET_COMMAND_ID, "Import &Dataset..."));
		file.add(action(ActionFactory.IMPORT));
		file.add(new Separator());
		file.add(action(ActionFactory.REFRESH));
		file.add(action(ActionFactory.PROPERTIES));
		file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		file.add(new Separator());
		file.add(action(ActionFactory.QUIT));
		file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));
		return file;
	}

	private MenuManager editMenu() {
		MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
		edit.add(action(ActionFactory.UNDO));
		edit.add(action(ActionFactory.REDO));
		edit.add(new Separator());
		edit.add(action(ActionFactory.CUT));
		edit.add(action(ActionFactory.COPY));
		edit.add(action(ActionFactory.PASTE));
		edit.add(new Separator());
		edit.add(action(ActionFactory.DELETE));
		edit.add(action(ActionFactory.SELECT_ALL));
		edit.add(new Separator());
		edit.add(new GroupMarker(IWorkbenchActionConstants.FIND_EXT)); // editors add Find/Replace here
		edit.add(command(NeurographUi.GENERATE_COMMAND_ID, "&Generate"));
		edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));
		return edit;
	}

	private MenuManager windowMenu() {
		MenuManager menu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
		MenuManager showView = new MenuManager("Show &View", "showView");
		showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
		menu.add(showView);
		menu.add(new Separator());
		menu.add(action(ActionFactory.RESET_PERSPECTIVE));
		menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		menu.add(new Separator());
		menu.add(action(ActionFactory.PREFERENCES));
		return menu;
	}

	private MenuManager helpMenu() {
		MenuManager help = new MenuManager("&Help", IWorkbenchActionConstants.M_HELP);
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
		help.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
		help.add(new Separator());
		help.add(action(ActionFactory.ABOUT));
		help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));
		return help;
	}

	private IAction action(ActionFactory factory) {
		return getAction(factory.getId());
	}

	private IContributionItem command(String commandId, String label) {
		CommandContributionItemParameter parameter = new CommandContributionItemParameter(window, commandId, commandId,
				CommandContributionItem.STYLE_PUSH);
		parameter.label = label;
		return new CommandContributionItem(parameter);
	}
}
