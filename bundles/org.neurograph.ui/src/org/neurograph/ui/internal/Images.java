package org.neurograph.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;
import org.neurograph.ui.NeurographUi;

/** The workbench's own icons (16x16 PNGs under {@code icons/}), shared through the JFace image registry. */
public final class Images {
	public static final String DATASETS_FOLDER = "icons/obj16/datasets_folder.png";
	public static final String MODELS_FOLDER = "icons/obj16/models_folder.png";
	public static final String RUNS_FOLDER = "icons/obj16/runs_folder.png";
	public static final String OUTPUTS_FOLDER = "icons/obj16/outputs_folder.png";
	public static final String IMAGE_DATASET = "icons/obj16/image_dataset.png";
	public static final String TEXT_CORPUS = "icons/obj16/text_corpus.png";
	public static final String TUNE_COLLECTION = "icons/obj16/tune_collection.png";
	public static final String MODEL = "icons/obj16/model.png";
	public static final String RUN = "icons/obj16/run.png";
	public static final String OUTPUT_DAY = "icons/obj16/output_day.png";
	public static final String OUTPUT_IMAGE = "icons/obj16/output_image.png";
	public static final String OUTPUT_TEXT = "icons/obj16/output_text.png";
	public static final String OUTPUT_MUSIC = "icons/obj16/output_music.png";
	public static final String PROVENANCE = "icons/obj16/provenance.png";
	public static final String GENERATOR = "icons/obj16/generator.png";
	public static final String PROJECT_OVERLAY = "icons/ovr16/neurograph_ovr.png";
	public static final String GENERATE = "icons/etool16/generate.png";
	public static final String RANDOM = "icons/etool16/random.png";
	public static final String NEW_PROJECT_BANNER = "icons/wizban/new_project_wiz.png";
	public static final String IMPORT_DATASET_BANNER = "icons/wizban/import_dataset_wiz.png";

	private Images() {
	}

	/** The descriptor of an icon of this bundle; never null (a "missing image" descriptor if the file is absent). */
	public static ImageDescriptor descriptor(String path) {
		return ResourceLocator.imageDescriptorFromBundle(NeurographUi.PLUGIN_ID, path)
				.orElseGet(ImageDescriptor::getMissingImageDescriptor);
	}

	/** The shared image of an icon of this bundle; call in the UI thread, do not dispose. */
	public static Image get(String path) {
		ImageRegistry registry = JFaceResources.getImageRegistry();
		String key = NeurographUi.PLUGIN_ID + "/" + path;
		Image image = registry.get(key);
		if (image == null) {
			registry.put(key, descriptor(path));
			image = registry.get(key);
		}
		return image;
	}
}
