package org.neurograph.ui.internal.generators;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Statuses;

/**
 * A table of every running {@link Generator} service: name, media kind, version, id and description. It follows
 * generator bundles as they start and stop. Double-click or "Generate..." opens the generator panel for one.
 */
public class GeneratorsView extends ViewPart {
	private final Runnable registryListener = this::refreshLater;
	private TableViewer viewer;
	private IAction generateAction;

	@Override
	public void createPartControl(Composite parent) {
		Composite tableParent = new Composite(parent, SWT.NONE);
		TableColumnLayout columns = new TableColumnLayout();
		tableParent.setLayout(columns);
		viewer = new TableViewer(tableParent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(columns, "Name", 3, 110, GeneratorInfo::name, true);
		column(columns, "Media", 1, 55, i -> i.mediaKind().label(), false);
		column(columns, "Version", 1, 60, GeneratorInfo::version, false);
		column(columns, "Id", 3, 120, GeneratorInfo::id, false);
		column(columns, "Description", 5, 160, GeneratorInfo::description, false);
		ColumnViewerToolTipSupport.enableFor(viewer);
		viewer.addDoubleClickListener(e -> openPanel());
		getSite().setSelectionProvider(viewer);

		generateAction = new Action("Generate...", Images.descriptor(Images.GENERATE)) {
			@Override
			public void run() {
				openPanel();
			}
		};
		generateAction.setToolTipText("Open the generator panel for the selected generator");
		generateAction.setEnabled(false);
		viewer.addSelectionChangedListener(e -> generateAction.setEnabled(!e.getSelection().isEmpty()));
		getViewSite().getActionBars().getToolBarManager().add(generateAction);
		MenuManager menu = new MenuManager();
		menu.add(generateAction);
		viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));

		GeneratorRegistry.current().ifPresent(r -> r.addListener(registryListener));
		refresh();
	}

	private void column(TableColumnLayout layout, String title, int weight, int minimumWidth,
			Function<GeneratorInfo, String> text, boolean withIcon) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
		column.getColumn().setText(title);
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, minimumWidth, true));
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(((Generator) element).info());
			}

			@Override
			public Image getImage(Object element) {
				return withIcon ? Images.get(Images.GENERATOR) : null;
			}

			@Override
			public String getToolTipText(Object element) {
				return ((Generator) element).info().description();
			}
		});
	}

	/** The generators shown, in table order. */
	public List<Generator> shownGenerators() {
		return List.of(viewer.getTable().getItems()).stream().map(item -> (Generator) item.getData()).toList();
	}

	private void refreshLater() {
		Display display = viewer.getControl().getDisplay();
		if (!display.isDisposed()) {
			display.asyncExec(this::refresh);
		}
	}

	private void refresh() {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		Optional<GeneratorRegistry> registry = GeneratorRegistry.current();
		List<Generator> generators = registry.map(GeneratorRegistry::generators).orElse(List.of());
		viewer.setInput(generators);
		if (registry.isEmpty()) {
			setContentDescription("The generator registry is not running: see the Error Log.");
		} else if (generators.isEmpty()) {
			setContentDescription("No generator plugins are running. Install one to generate works.");
		} else {
			setContentDescription(generators.size() + (generators.size() == 1 ? " generator" : " generators")
					+ ". Double-click one to open its panel.");
		}
	}

	private void openPanel() {
		Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		if (selected instanceof Generator generator) {
			try {
				GeneratorPanelView panel = (GeneratorPanelView) getSite().getPage()
						.showView(NeurographUi.GENERATOR_PANEL_VIEW_ID, null, IWorkbenchPage.VIEW_ACTIVATE);
				panel.showGenerator(generator.info().id());
			} catch (PartInitException e) {
				Statuses.showError("Could not open the generator panel: " + e.getMessage(), e);
			}
		}
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		GeneratorRegistry.current().ifPresent(r -> r.removeListener(registryListener));
		super.dispose();
	}
}
