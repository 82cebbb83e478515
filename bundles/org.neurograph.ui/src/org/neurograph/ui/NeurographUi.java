package org.neurograph.ui;

/**
 * The ids of the Neurograph workbench: its application, product, perspective, views, editor, wizards and commands.
 * Capability bundles ({@code org.neurograph.<capability>.ui}) use them to place their own views beside these and to
 * open the workbench's parts.
 */
public final class NeurographUi {
	/** This bundle's symbolic name. */
	public static final String PLUGIN_ID = "org.neurograph.ui";
	/** The workbench application. */
	public static final String APPLICATION_ID = "org.neurograph.ui.application";
	/** The product. */
	public static final String PRODUCT_ID = "org.neurograph.ui.product";
	/** The Neurograph perspective. */
	public static final String PERSPECTIVE_ID = "org.neurograph.ui.perspective";
	/** The image gallery view. */
	public static final String GALLERY_VIEW_ID = "org.neurograph.ui.gallery";
	/** The list of running generators. */
	public static final String GENERATORS_VIEW_ID = "org.neurograph.ui.generators";
	/** The form of the chosen generator. */
	public static final String GENERATOR_PANEL_VIEW_ID = "org.neurograph.ui.generatorPanel";
	/** The image viewer editor (png, jpg, gif, bmp). */
	public static final String IMAGE_VIEWER_ID = "org.neurograph.ui.imageViewer";
	/** The Error Log view (from org.eclipse.ui.views.log; the id keeps its PDE origin). */
	public static final String ERROR_LOG_VIEW_ID = "org.eclipse.pde.runtime.LogView";
	/** The "New Neurograph Project" wizard. */
	public static final String NEW_PROJECT_WIZARD_ID = "org.neurograph.ui.wizards.newProject";
	/** The "Import Dataset" wizard. */
	public static final String IMPORT_DATASET_WIZARD_ID = "org.neurograph.ui.wizards.importDataset";
	/** Command: run the generator shown in the generator panel. */
	public static final String GENERATE_COMMAND_ID = "org.neurograph.ui.commands.generate";
	/** Command: open the "New Neurograph Project" wizard. */
	public static final String NEW_PROJECT_COMMAND_ID = "org.neurograph.ui.commands.newProject";
	/** Command: open the "Import Dataset" wizard. */
	public static final String IMPORT_DATASET_COMMAND_ID = "org.neurograph.ui.commands.importDataset";
	/** The project the workbench creates in its workspace on first start. */
	public static final String DEMO_PROJECT = "neurograph-demo";

	private NeurographUi() {
	}
}
