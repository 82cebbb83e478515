package org.neurograph.ui.internal.generators;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.PageBook;
import org.eclipse.ui.part.ViewPart;
import org.neurograph.api.AssetKind;
import org.neurograph.api.Generator;
import org.neurograph.api.GeneratorInfo;
import org.neurograph.ui.NeurographUi;
import org.neurograph.ui.internal.Images;
import org.neurograph.ui.internal.Projects;
import org.neurograph.ui.internal.gallery.GalleryView;

/**
 * The generator panel: a form built from the chosen generator's {@link org.neurograph.api.ParameterSpec}, the
 * target project (and model, for generators that need one), how many works and the seed. "Generate" stays disabled
 * while any value is invalid, and runs a {@link GenerateJob}; its works then show in the gallery. The panel follows
 * the generator: when its bundle stops, the form goes; when it comes back, the form returns with the same values.
 */
public class GeneratorPanelView extends ViewPart {
	private static final String MEMENTO_GENERATOR = "generator";

	private final Runnable registryListener = () -> runInUi(this::generatorsChanged);
	private final IResourceChangeListener projectListener = this::resourcesChanged;

	private PageBook book;
	private Label emptyPage;
	private Composite formPage;
	private ScrolledComposite scrolled;
	private Composite buttonBar;
	private String generatorId;
	private Generator generator;
	private ParameterForm form;
	private RunSettings settings;
	private Button generateButton;
	private Label summary;
	/** The values of a generator that went away, for when it comes back. */
	private Map<String, String> keptValues = Map.of();

	@Override
	public void init(IViewSite site, IMemento memento) throws PartInitException {
		super.init(site, memento);
		if (memento != null) {
			generatorId = memento.getString(MEMENTO_GENERATOR);
		}
	}

	@Override
	public void saveState(IMemento memento) {
		if (generatorId != null) {
			memento.putString(MEMENTO_GENERATOR, generatorId);
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		book = new PageBook(parent, SWT.NONE);
		emptyPage = new Label(book, SWT.WRAP);
		// the form scrolls; the buttons below it stay in view
		formPage = new Composite(book, SWT.NONE);
		GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(formPage);
		scrolled = new ScrolledComposite(formPage, SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(scrolled);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, e -> updateScrolledSize());
		GeneratorRegistry.current().ifPresent(r -> r.addListener(registryListener));
		ResourcesPlugin.getWorkspace().addResourceChangeListener(projectListener, IResourceChangeEvent.POST_CHANGE);
		rebuild(Map.of());
	}

	/** Shows the form of the running generator with this id (or a message if it is not running). */
	public void showGenerator(String id) {
		if (!id.equals(generatorId) || generator == null) {
			if (!id.equals(generatorId)) {
				keptValues = Map.of();
			}
			generatorId = id;
			rebuild(keptValues);
		}
		setFocus();
	}

	/** The generator shown, if any. */
	public Optional<Generator> generator() {
		return Optional.ofNullable(generator);
	}

	/** The form of the generator shown, if any. */
	public Optional<ParameterForm> form() {
		return Optional.ofNullable(form);
	}

	/** True if every value is valid and "Generate" is enabled. */
	public boolean canGenerate() {
		return generateButton != null && !generateButton.isDisposed() && generateButton.isEnabled();
	}

	/** The "Generate" button (for tests and screenshots). */
	public Button generateButton() {
		return generateButton;
	}

	/** Sets the target project by name, if it is a Neurograph project. */
	public void selectProject(String name) {
		if (settings != null && settings.selectProject(name)) {
			projectChanged();
		}
	}

	/** Sets how many works and the seed of the first. */
	public void setCountAndSeed(int count, long seed) {
		settings.setCountAndSeed(count, seed);
	}

	/**
	 * Starts a generation with the values shown, if they are all valid.
	 *
	 * @return the scheduled job, or empty if a value is not valid (the form shows why)
	 */
	public Optional<GenerateJob> generate() {
		if (generator == null || !validate()) {
			return Optional.empty();
		}
		IProject project = settings.project().orElseThrow();
		long seed = settings.seed().orElseThrow();
		int count = settings.count();
		GenerateJob job = new GenerateJob(generator, project, form.values(), count, seed, settings.model());
		Display display = book.getDisplay();
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				List<Path> outputs = job.outputs();
				if (!outputs.isEmpty() && !display.isDisposed()) {
					display.asyncExec(() -> GalleryView.showOutputs(getSite().getPage(), outputs));
				}
			}
		});
		job.schedule();
		// the next run goes on with new works: work i of this run had seed + i
		settings.advanceSeed(seed, count);
		return Optional.of(job);
	}

	private void rebuild(Map<String, String> values) {
		Control old = scrolled.getContent();
		if (old != null) {
			scrolled.setContent(null); // before disposing: a later layout of the scrolled composite must not meet it
			old.dispose();
		}
		if (buttonBar != null) {
			buttonBar.dispose();
			buttonBar = null;
		}
		form = null;
		settings = null;
		generateButton = null;
		generator = generatorId == null ? null
				: GeneratorRegistry.current().flatMap(r -> r.find(generatorId)).orElse(null);
		if (generator == null) {
			emptyPage.setText(generatorId == null
					? "Choose a generator in the Generators view (double-click it) to see its parameters here."
					: "The generator '" + generatorId + "' is not running: its plugin is stopped or not installed. "
							+ "The form comes back when it starts.");
			setPartName("Generator");
			setContentDescription("");
			book.showPage(emptyPage);
			return;
		}
		GeneratorInfo info = generator.info();
		setPartName("Generator: " + info.name());
		Composite content = new Composite(scrolled, SWT.NONE);
		GridLayoutFactory.swtDefaults().margins(8, 8).spacing(6, 10).applyTo(content);
		header(content, info);
		settings = new RunSettings(this::projectChanged, this::validate);
		settings.createTarget(content, generator.requiresModel(), preferredProject());
		parameters(content, values);
		settings.createOutput(content);
		scrolled.setContent(content);
		buttons(formPage);
		formPage.layout(true, true);
		book.showPage(formPage);
		projectChanged();
	}

	private void header(Composite parent, GeneratorInfo info) {
		Label title = new Label(parent, SWT.NONE);
		title.setText(info.name());
		title.setFont(JFaceResources.getHeaderFont());
		Label description = new Label(parent, SWT.WRAP);
		description.setText(info.description());
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(description);
		Label meta = new Label(parent, SWT.WRAP);
		meta.setText(info.mediaKind().label() + " generator, version " + info.version() + " (" + info.id() + ")");
		meta.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(meta);
	}

	private void parameters(Composite parent, Map<String, String> values) {
		Composite group = RunSettings.group(parent, "Parameters");
		form = new ParameterForm(group, generator.parameters(), this::validate);
		form.setValues(values);
		if (generator.parameters().parameters().isEmpty()) {
			Label none = new Label(group, SWT.NONE);
			none.setText("This generator has no parameters.");
			GridDataFactory.swtDefaults().span(2, 1).applyTo(none);
		}
	}

	private void buttons(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		buttonBar = row;
		GridLayoutFactory.fillDefaults().numColumns(3).margins(8, 6).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		generateButton = new Button(row, SWT.PUSH);
		generateButton.setText("Generate");
		generateButton.setImage(Images.get(Images.GENERATE));
		generateButton.setToolTipText("Run the generator (Ctrl+Shift+G)");
		generateButton.addListener(SWT.Selection, e -> generate());
		Button defaults = new Button(row, SWT.PUSH);
		defaults.setText("Restore Defaults");
		defaults.addListener(SWT.Selection, e -> form.restoreDefaults());
		summary = new Label(row, SWT.WRAP);
		summary.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(120, SWT.DEFAULT).applyTo(summary);
	}

	/** Checks every value, shows the messages, enables "Generate"; returns true if all is valid. */
	private boolean validate() {
		if (form == null || generateButton == null) {
			return false;
		}
		ParameterForm.Checked parameters = form.validate();
		RunSettings.Check run = settings.check();
		int problems = parameters.validation().errors().size() + run.problems();
		generateButton.setEnabled(problems == 0);
		summary.setText(problems == 0 ? ""
				: problems == 1 ? "One value needs attention." : problems + " values need attention.");
		if (parameters.layoutChanged() || run.layoutChanged()) {
			((Composite) scrolled.getContent()).layout(true, true);
			updateScrolledSize();
		}
		return problems == 0;
	}

	/** The project of the workbench's selection, else the demo project. */
	private String preferredProject() {
		return Projects.fromSelection(getSite().getPage().getSelection()).map(IProject::getName)
				.orElse(NeurographUi.DEMO_PROJECT);
	}

	/** The fields that depend on the project (assets, models) follow it; then everything is checked again. */
	private void projectChanged() {
		if (form == null || settings == null) {
			return;
		}
		Path dir = settings.project().flatMap(Projects::location).orElse(null);
		form.projectChanged(dir);
		settings.fillModels(dir);
		validate();
	}

	private void generatorsChanged() {
		if (book == null || book.isDisposed() || generatorId == null) {
			return;
		}
		Generator now = GeneratorRegistry.current().flatMap(r -> r.find(generatorId)).orElse(null);
		if (!Objects.equals(now, generator)) {
			if (form != null) {
				keptValues = form.values();
			}
			rebuild(keptValues);
		}
	}

	private void resourcesChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		boolean projectsChanged = false;
		for (IResourceDelta child : delta.getAffectedChildren()) {
			int flags = child.getFlags();
			projectsChanged |= child.getKind() != IResourceDelta.CHANGED
					|| (flags & (IResourceDelta.OPEN | IResourceDelta.DESCRIPTION)) != 0
					|| child.findMember(IPath.fromOSString(AssetKind.MODEL.folder())) != null;
		}
		if (projectsChanged) {
			runInUi(() -> {
				if (settings != null) {
					settings.fillProjects(preferredProject());
					projectChanged();
				}
			});
		}
	}

	private void updateScrolledSize() {
		Control content = scrolled.getContent();
		if (content != null && !content.isDisposed()) {
			// as wide as the view (labels wrap), as high as it needs (the view scrolls)
			int width = Math.max(240, scrolled.getClientArea().width);
			scrolled.setMinSize(width, content.computeSize(width, SWT.DEFAULT).y);
		}
	}

	private void runInUi(Runnable runnable) {
		if (book != null && !book.isDisposed()) {
			book.getDisplay().asyncExec(() -> {
				if (!book.isDisposed()) {
					runnable.run();
				}
			});
		}
	}

	@Override
	public void setFocus() {
		book.setFocus();
	}

	@Override
	public void dispose() {
		GeneratorRegistry.current().ifPresent(r -> r.removeListener(registryListener));
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(projectListener);
		super.dispose();
	}
}
